#include "index/stem_table.h"

#include <algorithm>

namespace newsdex {

namespace {

const std::string kStemKeyPrefix = "stem:";
constexpr std::size_t kMaxKeyBytes = 200;  // Xapian metadata keys are limited like terms

void split_words(const std::string& value, std::vector<std::string>& out) {
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = value.find('\n', start);
        if (end == std::string::npos) end = value.size();
        if (end > start) out.emplace_back(value, start, end - start);
        start = end + 1;
    }
}

}  // namespace

void StemTableWriter::add(const std::string& term) {
    if (analyzer_.settings().language == "none") return;
    if (!seen_.insert(term).second) return;
    std::string stem = analyzer_.stem(term);
    if (stem == term || stem.size() + kStemKeyPrefix.size() > kMaxKeyBytes) return;
    pending_[std::move(stem)].push_back(term);
}

void StemTableWriter::flush(Xapian::WritableDatabase& db) {
    for (auto& [stem, words] : pending_) {
        const std::string key = kStemKeyPrefix + stem;
        std::vector<std::string> all;
        split_words(db.get_metadata(key), all);
        const std::size_t before = all.size();
        for (auto& word : words) {
            if (std::find(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(before), word) ==
                all.begin() + static_cast<std::ptrdiff_t>(before)) {
                all.push_back(std::move(word));
            }
        }
        if (all.size() == before) continue;
        std::string value;
        for (const auto& word : all) {
            value += word;
            value += '\n';
        }
        db.set_metadata(key, value);
    }
    pending_.clear();
}

std::vector<std::string> expand_keyword(const std::vector<Xapian::Database>& shards,
                                        const Analyzer& analyzer, const std::string& word) {
    std::vector<std::string> words{word};
    if (analyzer.settings().language != "none") {
        const std::string stem = analyzer.stem(word);
        words.push_back(stem);
        if (stem.size() + kStemKeyPrefix.size() <= kMaxKeyBytes) {
            for (const auto& shard : shards) split_words(shard.get_metadata(kStemKeyPrefix + stem), words);
        }
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

}  // namespace newsdex
