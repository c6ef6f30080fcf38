#include "util/version.h"

#include <unicode/uversion.h>
#include <xapian.h>

namespace newsdex {

std::string version_line(const std::string& program) {
    UVersionInfo icu;
    u_getVersion(icu);
    char icu_text[U_MAX_VERSION_STRING_LENGTH];
    // ICU writes "72.1" for 72.1.0.0: trailing zero parts are left out.
    u_versionToString(icu, icu_text);
    return program + " " + NEWSDEX_VERSION + " (Xapian " + Xapian::version_string() + ", ICU " + icu_text + ")";
}

}  // namespace newsdex
