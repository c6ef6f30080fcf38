#include "search/vocabulary.h"

#include <algorithm>
#include <utility>

#include "index/stem_table.h"

namespace newsdex {

PrefixMatches terms_with_prefix(const Xapian::Database& db, const std::string& prefix, std::size_t limit) {
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        found.emplace_back(it.get_termfreq(), *it);
    }
    PrefixMatches matches;
    matches.total = found.size();
    if (found.size() > limit) {
        // Most frequent first; equal frequencies keep term order, so the cut is repeatable.
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        found.resize(limit);
    }
    for (auto& [freq, term] : found) matches.terms.push_back(std::move(term));
    std::sort(matches.terms.begin(), matches.terms.end());
    return matches;
}

QueryVocabulary database_vocabulary(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                                    const Analyzer& analyzer) {
    QueryVocabulary vocabulary;
    vocabulary.forms = [&shards, &analyzer](const std::string& word) { return expand_keyword(shards, analyzer, word); };
    vocabulary.terms_with_prefix = [&db](const std::string& prefix, std::size_t limit) {
        return terms_with_prefix(db, prefix, limit);
    };
    return vocabulary;
}

}  // namespace newsdex
