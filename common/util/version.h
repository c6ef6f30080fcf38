// What --version prints on both executables: ours and the libraries' versions, one line.
#pragma once

#include <string>

namespace newsdex {

// "newsdex-search 0.4.0 (Xapian 1.4.22, ICU 72.1)": the versions of the libraries running,
// not of the headers built against.
std::string version_line(const std::string& program);

}  // namespace newsdex
