#include "output/score_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace newsdex {

std::string exact_score(double score) {
    char text[40];
    for (int digits = 6; digits <= 17; ++digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, score);
        if (std::strtod(text, nullptr) == score) break;
    }
    return text;
}

std::string rounded_score_text(double score) {
    char text[40];
    std::snprintf(text, sizeof text, "%.4f", std::round(score * 10000.0) / 10000.0);
    std::string out = text;
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    if (out == "-0") out = "0";
    return out;
}

}  // namespace newsdex
