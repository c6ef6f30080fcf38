// Word-level spelling correction from the indexed vocabulary, for "did you mean" suggestions:
// given a normalised term and its prefix, the indexed term of that prefix to use instead.
//
// Rules. Words shorter than 3 code points, words containing a digit (years, figures, "us")
// and words with upper-case ASCII (not normalised) are never corrected. Candidates are the
// indexed terms with the same prefix, without a digit, whose remainder after the prefix does
// not start with upper-case ASCII (that would be a longer prefix: "XS…" under "X"), within an
// edit distance (newsdex::edit_distance: code points, adjacent swaps cost 1) of 1 for words of
// up to 6 code points and 2 for longer ones. A word absent from the index is replaced by the
// best candidate; a word present is replaced only by a candidate at least 20 times as frequent
// (rare typos of common words are corrected, rare real words stay). Best: smallest distance,
// then highest term frequency (summed over all shards), then the smaller string. Never the word
// itself.
//
// Cost. Not the whole vocabulary: the terms starting with the word's first two code points,
// then the rest of those starting with its first, then those starting with its second (an extra
// or swapped first letter), then, for each other leading code point L, those starting with L
// followed by the word's first or second code point (a missing or wrong first letter). Every
// term read or seek counts against a budget (200,000 by default); once it is spent the best
// candidate found so far is returned, so a huge vocabulary cannot make a query slow.
//
// Over remote shards (without_whole_vocabulary) the passes for a missing or wrong first letter are left
// out: Xapian's remote backend sends a term list whole when it is opened, and those passes
// open the list of every term of the prefix (the whole vocabulary, for words), which took
// 600 ms a query that drew a suggestion, over loopback on Reuters-21578. A typo in the first letter is then not
// corrected; the others are, as on local shards.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

class Speller {
public:
    static constexpr std::size_t kDefaultTermBudget = 200'000;

    // `db` is a database of one shard (or any database Xapian opens as one). The speller keeps a
    // handle sharing its state, so db.reopen() by the caller is seen here too. Not thread-safe,
    // like Xapian::Database.
    explicit Speller(const Xapian::Database& db, std::size_t term_budget = kDefaultTermBudget);
    // The shards of a database, each on its own: the speller merges their term lists itself,
    // for half the cost of Xapian's merging iterator, with the same terms in the same order.
    explicit Speller(std::vector<Xapian::Database> shards, std::size_t term_budget = kDefaultTermBudget);

    // Leave out the passes that read the whole vocabulary's term list (see above): for a set
    // of shards some of which are remote.
    void without_whole_vocabulary() { whole_vocabulary_ = false; }

    // `word` is a normalised term as the Analyzer emits it (or a normalised metadata value, which
    // may contain spaces), `prefix` the term prefix ("" for words, "S" title words, "XS"
    // sources, ...). Returns the indexed value (without the prefix) to use instead, or nullopt
    // when the word should stay. Throws what Xapian throws (DatabaseModifiedError when an
    // indexer's commit replaced the revision being read: reopen and ask again).
    std::optional<std::string> correct(std::string_view prefix, const std::string& word) const;

    // The `limit` best replacements by the same rules, best first, all at the smallest distance
    // found: a query of several words picks among them the one that fits the other words (see
    // search/suggestion.h).
    std::vector<std::string> candidates(std::string_view prefix, const std::string& word, std::size_t limit) const;

private:
    std::vector<Xapian::Database> shards_;
    std::size_t term_budget_;
    bool whole_vocabulary_ = true;
};

}  // namespace newsdex
