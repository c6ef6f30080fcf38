// Scores as the machine formats print them. A TREC run must order by score exactly as we
// ranked, so it gets every digit that tells two different scores apart; people and
// spreadsheets get four decimals, as JSON does.
#pragma once

#include <string>

namespace newsdex {

// The shortest "%.Ng" (N from 6 up) that reads back as the same double: at least six
// significant digits, and two different scores never print the same.
std::string exact_score(double score);

// Four decimals, trailing zeros dropped ("12.5", "0.0003").
std::string rounded_score_text(double score);

}  // namespace newsdex
