#include "eval/qrels.h"

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <vector>

#include "util/errors.h"

namespace newsdex::eval {

namespace {

// The white space C's isspace knows in the "C" locale, as trec_eval splits on.
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

std::vector<std::string> split_fields(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_space(line[i])) ++i;
        if (i == line.size()) break;
        const std::size_t start = i;
        while (i < line.size() && !is_space(line[i])) ++i;
        fields.push_back(line.substr(start, i - start));
    }
    return fields;
}

// An optional sign and decimal digits, nothing else; false when not so or outside int.
bool parse_int(const std::string& text, int& value) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (i == text.size()) return false;
    for (std::size_t j = i; j < text.size(); ++j) {
        if (text[j] < '0' || text[j] > '9') return false;
    }
    errno = 0;
    const long long parsed = std::strtoll(text.c_str(), nullptr, 10);
    if (errno == ERANGE || parsed < std::numeric_limits<int>::min() ||
        parsed > std::numeric_limits<int>::max()) {
        return false;
    }
    value = static_cast<int>(parsed);
    return true;
}

}  // namespace

const std::map<std::string, int>* Judgements::find(const std::string& qid) const {
    const auto it = queries.find(qid);
    return it == queries.end() ? nullptr : &it->second;
}

Judgements parse_qrels(std::istream& in, const std::string& name) {
    Judgements judgements;
    // (qid, docno) -> line of its first judgement, to name both lines of a duplicate.
    std::map<std::pair<std::string, std::string>, std::size_t> first_line;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        const auto fields = split_fields(line);
        if (fields.empty()) continue;
        const std::string where = name + ":" + std::to_string(number) + ": ";
        if (fields.size() != 4) {
            throw Error(where + "expected 4 fields (qid iter docno rel), found " +
                        std::to_string(fields.size()));
        }
        int rel = 0;
        if (!parse_int(fields[3], rel)) {
            throw Error(where + "relevance '" + fields[3] + "' is not an integer");
        }
        const auto [it, inserted] = first_line.emplace(std::make_pair(fields[0], fields[2]), number);
        if (!inserted) {
            throw Error(where + "document " + fields[2] + " judged twice for query " + fields[0] +
                        " (first at line " + std::to_string(it->second) + ")");
        }
        judgements.queries[fields[0]][fields[2]] = rel;
    }
    if (in.bad()) throw Error("cannot read qrels file " + name);
    return judgements;
}

Judgements read_qrels(const std::string& path) {
    std::error_code ignored;
    std::ifstream in(path, std::ios::binary);
    // A folder opens as a stream on Linux and reads as empty: refuse it as unreadable.
    if (!in || std::filesystem::is_directory(path, ignored)) throw Error("cannot read qrels file " + path);
    return parse_qrels(in, path);
}

}  // namespace newsdex::eval
