#include "search/spelling.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <unicode/uchar.h>

#include "util/edit_distance.h"
#include "util/utf8.h"

namespace newsdex {

namespace {

constexpr std::size_t kMinCodePoints = 3;
constexpr std::size_t kOneEditUpTo = 6;      // longer words may be two edits away: two edits
                                              // turn too many short words into others (zebra, sera)
constexpr std::uint64_t kPresentFactor = 20;  // how much more common than a present word
constexpr std::size_t kMaxTermBytes = 245;    // Xapian (glass) refuses longer keys, even to read

// No byte of valid UTF-8 is 0xFF, so key + kAfter sorts after every term that starts with key.
const std::string kAfter = "\xFF";

// The length in bytes of the code point `s` starts with (valid UTF-8, not empty).
std::size_t lead_bytes(std::string_view s) {
    const auto c = static_cast<unsigned char>(s[0]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return std::min(n, s.size());
}

bool is_upper_ascii(char32_t c) { return c >= U'A' && c <= U'Z'; }

bool is_digit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)) != 0; }

// The distinct terms of several shards that start with a prefix, in byte order: what
// allterms_begin() on the whole database gives, but merged here, which costs half as much as
// Xapian's merging iterator (measured on a two-shard Reuters database).
class MergedTerms {
public:
    MergedTerms(const std::vector<Xapian::Database>& shards, const std::string& prefix) {
        for (const auto& shard : shards) {
            cursors_.push_back({shard.allterms_begin(prefix), shard.allterms_end(prefix), {}, false});
            load(cursors_.back());
        }
        settle();
    }

    bool at_end() const { return current_ == nullptr; }
    // Valid until the next move.
    const std::string& term() const { return *current_; }

    void next() {
        for (auto& c : cursors_) {
            if (c.at_current) {
                ++c.it;
                load(c);
            }
        }
        settle();
    }

    // To the first term at or after `key`.
    void skip_to(const std::string& key) {
        for (auto& c : cursors_) {
            if (c.it != c.end && c.head < key) {
                c.it.skip_to(key);
                load(c);
            }
        }
        settle();
    }

private:
    struct Cursor {
        Xapian::TermIterator it, end;
        std::string head;  // *it, read once
        bool at_current;   // head is the merged list's current term
    };
    std::vector<Cursor> cursors_;
    const std::string* current_ = nullptr;  // the smallest head; null at the end

    static void load(Cursor& c) {
        if (c.it != c.end) c.head = *c.it;
    }

    void settle() {
        current_ = nullptr;
        for (const auto& c : cursors_) {
            if (c.it != c.end && (current_ == nullptr || c.head < *current_)) current_ = &c.head;
        }
        for (auto& c : cursors_) c.at_current = current_ != nullptr && c.it != c.end && c.head == *current_;
    }
};

// One call's search: the candidates met so far and the budget left.
class CandidateScan {
public:
    CandidateScan(const std::vector<Xapian::Database>& shards, std::string_view prefix, const std::string& word,
                  Xapian::doccount word_freq, std::size_t budget)
        : shards_(shards),
          prefix_(prefix),
          word_(word),
          letters_(to_code_points(word)),
          ascii_word_(letters_.size() == word.size()),
          max_distance_(letters_.size() <= kOneEditUpTo ? 1 : 2),
          min_freq_(word_freq == 0 ? 0 : kPresentFactor * word_freq),
          budget_(budget) {}

    // Every term starting with `range`, except those starting with `except` (already scanned).
    void scan(const std::string& range, const std::string& except = {}) {
        MergedTerms it(shards_, range);
        while (!it.at_end() && spend()) {
            const std::string& term = it.term();
            if (!except.empty() && term.starts_with(except)) {
                it.skip_to(except + kAfter);
                continue;
            }
            consider(term);
            it.next();
        }
    }

    // For each leading code point L of the prefix's terms, except upper-case ASCII (a longer
    // prefix), digits (no candidate holds one) and `skip_leads` (scanned whole already): the terms
    // starting with L followed by one of `follows` (sorted). One seek per range, not a scan of L's.
    void hop(const std::vector<std::string>& follows, const std::vector<std::string>& skip_leads) {
        MergedTerms it(shards_, prefix_);
        while (!it.at_end() && spend()) {
            const std::string term = it.term();
            if (term.size() == prefix_.size()) {  // the bare prefix as a term
                it.next();
                continue;
            }
            const std::string_view rest = std::string_view(term).substr(prefix_.size());
            const std::string lead(rest.substr(0, lead_bytes(rest)));
            const char32_t code_point = to_code_points(lead).front();
            const std::string key = prefix_ + lead;
            if (!is_upper_ascii(code_point) && !is_digit(code_point) &&
                std::find(skip_leads.begin(), skip_leads.end(), lead) == skip_leads.end()) {
                for (const auto& follow : follows) {
                    const std::string range = key + follow;
                    it.skip_to(range);
                    while (!it.at_end() && spend()) {
                        const std::string& candidate = it.term();
                        if (!candidate.starts_with(range)) break;
                        consider(candidate);
                        it.next();
                    }
                    if (it.at_end() || budget_ == 0) return;
                }
            }
            it.skip_to(key + kAfter);
        }
    }

    // The closest candidates met, best first: highest frequency, then the smaller string.
    // Farther ones are left out: a commoner word two edits away ("expects") must not win over
    // the word one swap away ("exports") because it finds more.
    std::vector<std::string> best(std::size_t limit) {
        std::sort(found_.begin(), found_.end(), [](const Candidate& a, const Candidate& b) {
            if (a.distance != b.distance) return a.distance < b.distance;
            if (a.freq != b.freq) return a.freq > b.freq;
            return a.term < b.term;
        });
        std::vector<std::string> out;
        for (std::size_t i = 0; i < found_.size() && out.size() < limit; ++i) {
            if (found_[i].distance != found_.front().distance) break;
            if (i == 0 || found_[i].term != found_[i - 1].term) out.push_back(found_[i].term);
        }
        return out;
    }

private:
    struct Candidate {
        std::string term;
        std::size_t distance;
        Xapian::doccount freq;
    };

    const std::vector<Xapian::Database>& shards_;
    const std::string prefix_;
    const std::string& word_;
    const std::u32string letters_;
    const bool ascii_word_;
    const std::size_t max_distance_;
    const std::uint64_t min_freq_;
    std::size_t budget_;
    std::vector<Candidate> found_;

    bool spend() {
        if (budget_ == 0) return false;
        --budget_;
        return true;
    }

    // The frequency is asked for last: over several shards it is a sum, dearer than the
    // checks that turn down most terms.
    void consider(const std::string& term) {
        const std::string_view rest = std::string_view(term).substr(prefix_.size());
        if (rest.empty() || rest == word_ || is_upper_ascii(static_cast<unsigned char>(rest[0]))) return;
        const std::size_t length = count_code_points(rest);
        const std::size_t length_gap = length > letters_.size() ? length - letters_.size() : letters_.size() - length;
        if (length_gap > max_distance_) return;
        std::size_t distance = 0;
        if (length == rest.size() && ascii_word_) {  // both ASCII: compare bytes, no decoding
            if (std::any_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
            distance = edit_distance(std::string_view(word_), rest, max_distance_);
        } else {
            const std::u32string letters = to_code_points(rest);
            if (std::any_of(letters.begin(), letters.end(), is_digit)) return;
            distance = edit_distance(letters_, letters, max_distance_);
        }
        if (distance > max_distance_) return;
        Xapian::doccount freq = 0;
        for (const auto& shard : shards_) freq += shard.get_termfreq(term);
        if (freq < min_freq_) return;
        found_.push_back({std::string(rest), distance, freq});
    }
};

}  // namespace

Speller::Speller(const Xapian::Database& db, std::size_t term_budget) : Speller(std::vector{db}, term_budget) {}

Speller::Speller(std::vector<Xapian::Database> shards, std::size_t term_budget)
    : shards_(std::move(shards)), term_budget_(term_budget) {}

std::optional<std::string> Speller::correct(std::string_view prefix, const std::string& word) const {
    std::vector<std::string> best = candidates(prefix, word, 1);
    if (best.empty()) return std::nullopt;
    return std::move(best.front());
}

std::vector<std::string> Speller::candidates(std::string_view prefix, const std::string& word,
                                             std::size_t limit) const {
    const std::u32string letters = to_code_points(word);
    if (letters.size() < kMinCodePoints || prefix.size() + word.size() > kMaxTermBytes) return {};
    if (std::any_of(letters.begin(), letters.end(), [](char32_t c) { return is_digit(c) || is_upper_ascii(c); })) {
        return {};
    }
    const std::string p(prefix);
    Xapian::doccount word_freq = 0;
    Xapian::doccount documents = 0;
    for (const auto& shard : shards_) {
        word_freq += shard.get_termfreq(p + word);
        documents += shard.get_doccount();
    }
    // A present word gives way only to a word kPresentFactor times as frequent; when that is
    // more articles than there are, no term can be it, and reading the term list is wasted
    // (common words of a phrase that matched little: "of", "said", "the").
    if (word_freq > 0 && static_cast<std::uint64_t>(word_freq) * kPresentFactor > documents) return {};
    CandidateScan candidates(shards_, prefix, word, word_freq, term_budget_);

    const std::size_t first_bytes = lead_bytes(word);
    const std::string first = word.substr(0, first_bytes);
    const std::string second = word.substr(first_bytes, lead_bytes(std::string_view(word).substr(first_bytes)));
    // Most typos keep the first two letters, so those terms are met before the budget runs out.
    candidates.scan(p + first + second);
    candidates.scan(p + first, p + first + second);
    if (second != first) candidates.scan(p + second);  // an extra or swapped first letter
    if (!whole_vocabulary_) return candidates.best(limit);
    std::vector<std::string> follows{first, second};
    std::sort(follows.begin(), follows.end());
    follows.erase(std::unique(follows.begin(), follows.end()), follows.end());
    candidates.hop(follows, {first, second});  // a missing or wrong first letter
    return candidates.best(limit);
}

}  // namespace newsdex
