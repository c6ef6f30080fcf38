// The date parser (article/date.h): any text either gives no date or a date that
// format_date writes in a form parse_date reads back to the same date and precision.
#include <string>

#include "article/date.h"
#include "fuzz_checks.h"
#include "fuzz_targets.h"

namespace newsdex::fuzz {

void date_target(std::string_view bytes) {
    const auto date = parse_date(bytes);
    if (!date) return;
    const std::string written = format_date(*date);
    const auto again = parse_date(written);
    require(again.has_value(), "format_date wrote a date parse_date cannot read: " + written);
    require(*again == *date, "a date changed on its way through format_date: " + written);
    const CivilDate civil = civil_from_unix(date->unix_seconds);
    require(civil.month >= 1 && civil.month <= 12 && civil.day >= 1 && civil.day <= 31,
            "civil_from_unix gave an impossible day");
}

}  // namespace newsdex::fuzz
