#include "util/diagnostics.h"

#include "util/printable.h"

namespace newsdex {

std::string Diagnostics::format(const Where& where, std::string_view message) {
    std::string line = "warning: ";
    line += printable(where.file);
    if (where.line != 0) line += ":" + std::to_string(where.line);
    line += ": ";
    if (where.record != 0) line += "record " + std::to_string(where.record) + ": ";
    line += printable(message);
    return line;
}

void Diagnostics::count_one() {
    ++count_;
    if (parent_ != nullptr) parent_->count_one();
}

void Diagnostics::print(const std::string& line) {
    if (parent_ != nullptr) {
        parent_->print(line);
        return;
    }
    if (out_ == nullptr) return;
    std::lock_guard lock(mutex_);
    if (before_write_) before_write_();
    *out_ << line << '\n' << std::flush;
}

void Diagnostics::warn(const Where& where, std::string_view message) {
    if (shifted_) {
        if (where.line != 0 && where.line <= shift_.hidden_lines) return;
        Where moved = where;
        if (moved.line != 0) moved.line = static_cast<std::size_t>(static_cast<long>(moved.line) + shift_.line_shift);
        if (moved.record != 0) moved.record += shift_.record_shift;
        parent_->warn(moved, message);
        return;
    }
    count_one();
    if (parent_ != nullptr && count_.load() > max_lines_) return;
    print(format(where, message));
}

void Diagnostics::finish_file() {
    if (parent_ == nullptr || count_.load() <= max_lines_) return;
    const std::size_t hidden = count_.load() - max_lines_;
    print(format({file_}, std::to_string(hidden) + (hidden == 1 ? " more warning" : " more warnings")));
}

}  // namespace newsdex
