#include "eval/evaluation_output.h"

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

namespace newsdex::eval {

namespace {

using Json = nlohmann::ordered_json;

std::string formatted(double value, bool is_count) {
    char buffer[64];
    if (is_count) {
        std::snprintf(buffer, sizeof buffer, "%ld", static_cast<long>(value));
    } else {
        std::snprintf(buffer, sizeof buffer, "%6.4f", value);
    }
    return buffer;
}

void append_row(std::string& out, const char* name, const std::string& qid, const std::string& value) {
    char padded[64];
    std::snprintf(padded, sizeof padded, "%-22s", name);
    out += padded;
    out += '\t';
    out += qid;
    out += '\t';
    out += value;
    out += '\n';
}

// The double nearest the text row's 4 decimals, so JSON and text never disagree on a
// half-way case.
double rounded(double value) {
    return std::strtod(formatted(value, false).c_str(), nullptr);
}

Json measures_json(const Measures& measures) {
    Json object = Json::object();
    for (const auto& m : measure_values(measures)) {
        if (m.is_count) {
            object[m.name] = static_cast<long>(m.value);
        } else {
            object[m.name] = rounded(m.value);
        }
    }
    return object;
}

}  // namespace

std::string evaluation_text(const Evaluation& evaluation) {
    std::string out;
    for (const auto& [qid, measures] : evaluation.per_query) {
        for (const auto& m : measure_values(measures)) append_row(out, m.name, qid, formatted(m.value, m.is_count));
    }
    append_row(out, "num_q", "all", std::to_string(evaluation.num_q));
    for (const auto& m : measure_values(evaluation.all)) append_row(out, m.name, "all", formatted(m.value, m.is_count));
    return out;
}

std::string evaluation_json(const Evaluation& evaluation) {
    Json all = Json::object();
    all["num_q"] = evaluation.num_q;
    all.update(measures_json(evaluation.all));
    Json per_query = Json::object();
    for (const auto& [qid, measures] : evaluation.per_query) per_query[qid] = measures_json(measures);
    Json document = Json::object();
    document["all"] = std::move(all);
    document["per_query"] = std::move(per_query);
    return document.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace newsdex::eval
