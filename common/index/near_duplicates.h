// Near-duplicate signatures of article bodies: MinHash over word shingles of the analyzer's
// terms, so two copies of one agency story match whatever their case, accents or quote marks.
// Promises: the same terms always give the same signature (no randomness, no platform
// dependence), and two signatures say how much of the smaller body the larger one contains.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::near_duplicates {

// A shingle is this many consecutive body words. Four words are specific enough that two
// separately written stories rarely share one ("said in a statement" is the common case), and
// short enough that a copy edited here and there keeps most of its shingles.
inline constexpr std::size_t kShingleWords = 4;

// 60 MinHash values in 20 bands of 3 rows. Two bodies whose shingle sets have Jaccard
// similarity J share at least one band with probability 1 - (1 - J^3)^20: 0.97 at J = 0.54
// (two equally long copies, each containing 70 % of the other), 0.81 at J = 0.43, 0.02 at
// J = 0.1. Unrelated stories (J near 0) almost never become candidates.
inline constexpr std::size_t kBands = 20;
inline constexpr std::size_t kRows = 3;
inline constexpr std::size_t kHashes = kBands * kRows;

// Two bodies are copies when the smaller one is estimated to be at least 70 % contained in the
// larger (a trimmed or added last paragraph keeps containment near 1) and their estimated
// Jaccard similarity is at least 0.3: with 60 values, a few chance agreements between a short
// and a long body would otherwise estimate a high containment from almost nothing.
inline constexpr double kMinContainment = 0.7;
inline constexpr double kMinJaccard = 0.3;

struct Signature {
    // none: an empty body (never a copy of anything). exact: fewer words than a shingle, only
    // an identical word sequence matches. minhash: the general case.
    enum class Kind { none, exact, minhash };
    Kind kind = Kind::none;
    std::uint64_t exact_hash = 0;        // kind exact: hash of the whole word sequence
    std::uint32_t shingles = 0;          // kind minhash: number of distinct shingles
    std::array<std::uint32_t, kHashes> minima{};  // kind minhash

    friend bool operator==(const Signature&, const Signature&) = default;
};

// Collects a body's terms in order (Token::term from the Analyzer) and makes its signature.
class SignatureBuilder {
public:
    void add(std::string_view term);
    Signature finish() const;

private:
    std::vector<std::uint64_t> term_hashes_;
};

Signature make_signature(const std::vector<std::string>& terms);

// Value-slot form: empty for kind none; 'E' and 8 bytes for exact; 'M', 4 bytes of shingle
// count and kHashes 4-byte minima (little-endian) for minhash.
std::string encode(const Signature& signature);
// nullopt when `value` is not an encoded signature (empty, or damaged).
std::optional<Signature> decode(std::string_view value);

// The LSH band keys: kBands for minhash, the band's number and its kRows minima hashed into 64
// bits (so equal keys mean equal bands of the same number, but for a 2^-64 chance); one for
// exact, from its hash (never equal to a minhash band's key but by that same chance); none for an
// empty body. Two signatures are candidate copies when they share a key.
std::vector<std::uint64_t> band_keys(const Signature& signature);

// Estimated Jaccard similarity of the two shingle sets (1 or 0 for exact signatures).
double jaccard(const Signature& a, const Signature& b);
// Estimated |A∩B| / min(|A|, |B|), derived from the Jaccard estimate and the two counts:
// |A∩B| = J (|A| + |B|) / (1 + J). At most 1; 0 when the kinds differ or either is empty.
double containment(const Signature& a, const Signature& b);
// The grouping rule: containment and Jaccard both at or above their thresholds.
bool are_copies(const Signature& a, const Signature& b);

}  // namespace newsdex::near_duplicates
