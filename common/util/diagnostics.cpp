#include "util/diagnostics.h"

namespace newsdex {

std::string Diagnostics::format(const Where& where, std::string_view message) {
    std::string line = "warning: ";
    line += where.file;
    if (where.line != 0) line += ":" + std::to_string(where.line);
    line += ": ";
    if (where.record != 0) line += "record " + std::to_string(where.record) + ": ";
    line += message;
    return line;
}

void Diagnostics::warn(const Where& where, std::string_view message) {
    ++count_;
    if (out_ == nullptr) return;
    std::string line = format(where, message);
    line += '\n';
    std::lock_guard lock(mutex_);
    if (before_write_) before_write_();
    *out_ << line << std::flush;
}

}  // namespace newsdex
