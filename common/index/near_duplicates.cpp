#include "index/near_duplicates.h"
#include "util/hash.h"

#include <algorithm>
#include <limits>

namespace newsdex::near_duplicates {

namespace {

// SplitMix64's finaliser: every input bit affects every output bit.
constexpr std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

std::uint64_t term_hash(std::string_view term) {
    return fnv1a(term);  // terms are short, so one pass is cheap
}

// The kHashes hash functions are multiply-shift hashes h_i(s) = (a_i s + b_i) >> 32 of one
// well-mixed 64-bit shingle hash: one multiply and add per function instead of hashing the
// shingle's text kHashes times. The constants come from a fixed SplitMix64 sequence.
struct Coefficients {
    std::array<std::uint64_t, kHashes> a{};
    std::array<std::uint64_t, kHashes> b{};
};

constexpr Coefficients make_coefficients() {
    Coefficients c;
    std::uint64_t state = 0x6e65777364657821ULL;  // "newsdex!"
    for (std::size_t i = 0; i < kHashes; ++i) {
        state += 0x9e3779b97f4a7c15ULL;
        c.a[i] = mix(state) | 1;  // odd multipliers
        state += 0x9e3779b97f4a7c15ULL;
        c.b[i] = mix(state);
    }
    return c;
}

constexpr Coefficients kCoefficients = make_coefficients();

void put_u32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
std::uint64_t get_le(std::string_view bytes, std::size_t at, int width) {
    std::uint64_t v = 0;
    for (int i = width - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
}

}  // namespace

void SignatureBuilder::add(std::string_view term) { term_hashes_.push_back(term_hash(term)); }

Signature SignatureBuilder::finish() const {
    Signature sig;
    const std::size_t n = term_hashes_.size();
    if (n == 0) return sig;
    if (n < kShingleWords) {
        sig.kind = Signature::Kind::exact;
        std::uint64_t h = mix(n);
        for (std::uint64_t t : term_hashes_) h = mix(h ^ t);
        sig.exact_hash = h;
        return sig;
    }
    std::vector<std::uint64_t> shingles;
    shingles.reserve(n - kShingleWords + 1);
    for (std::size_t i = 0; i + kShingleWords <= n; ++i) {
        std::uint64_t h = term_hashes_[i];
        for (std::size_t j = 1; j < kShingleWords; ++j) h = mix(h) ^ term_hashes_[i + j];
        shingles.push_back(mix(h));
    }
    // A repeated shingle (a line said twice) counts once: the estimate is over sets.
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    sig.kind = Signature::Kind::minhash;
    sig.shingles = static_cast<std::uint32_t>(std::min<std::size_t>(shingles.size(), std::numeric_limits<std::uint32_t>::max()));
    sig.minima.fill(std::numeric_limits<std::uint32_t>::max());
    for (std::uint64_t s : shingles) {
        for (std::size_t i = 0; i < kHashes; ++i) {
            const auto v = static_cast<std::uint32_t>((kCoefficients.a[i] * s + kCoefficients.b[i]) >> 32);
            sig.minima[i] = std::min(sig.minima[i], v);
        }
    }
    return sig;
}

Signature make_signature(const std::vector<std::string>& terms) {
    SignatureBuilder builder;
    for (const auto& term : terms) builder.add(term);
    return builder.finish();
}

std::string encode(const Signature& signature) {
    std::string out;
    switch (signature.kind) {
        case Signature::Kind::none:
            break;
        case Signature::Kind::exact:
            out += 'E';
            put_u64(out, signature.exact_hash);
            break;
        case Signature::Kind::minhash:
            out.reserve(1 + 4 + 4 * kHashes);
            out += 'M';
            put_u32(out, signature.shingles);
            for (std::uint32_t v : signature.minima) put_u32(out, v);
            break;
    }
    return out;
}

std::optional<Signature> decode(std::string_view value) {
    Signature sig;
    if (value.size() == 9 && value[0] == 'E') {
        sig.kind = Signature::Kind::exact;
        sig.exact_hash = get_le(value, 1, 8);
        return sig;
    }
    if (value.size() == 5 + 4 * kHashes && value[0] == 'M') {
        sig.kind = Signature::Kind::minhash;
        sig.shingles = static_cast<std::uint32_t>(get_le(value, 1, 4));
        for (std::size_t i = 0; i < kHashes; ++i) sig.minima[i] = static_cast<std::uint32_t>(get_le(value, 5 + 4 * i, 4));
        return sig;
    }
    return std::nullopt;
}

std::vector<std::uint64_t> band_keys(const Signature& signature) {
    std::vector<std::uint64_t> keys;
    if (signature.kind == Signature::Kind::exact) {
        keys.push_back(mix(signature.exact_hash ^ mix(kBands + 1)));
    } else if (signature.kind == Signature::Kind::minhash) {
        keys.reserve(kBands);
        for (std::size_t band = 0; band < kBands; ++band) {
            std::uint64_t h = mix(band + 1);  // the band's number: equal rows in two bands differ
            for (std::size_t row = 0; row < kRows; ++row) h = mix(h ^ signature.minima[band * kRows + row]);
            keys.push_back(h);
        }
    }
    return keys;
}

double jaccard(const Signature& a, const Signature& b) {
    if (a.kind != b.kind || a.kind == Signature::Kind::none) return 0.0;
    if (a.kind == Signature::Kind::exact) return a.exact_hash == b.exact_hash ? 1.0 : 0.0;
    std::size_t equal = 0;
    for (std::size_t i = 0; i < kHashes; ++i) equal += a.minima[i] == b.minima[i];
    return static_cast<double>(equal) / static_cast<double>(kHashes);
}

double containment(const Signature& a, const Signature& b) {
    const double j = jaccard(a, b);
    if (j == 0.0) return 0.0;
    if (a.kind == Signature::Kind::exact) return j;
    const double sizes = static_cast<double>(a.shingles) + static_cast<double>(b.shingles);
    const double smaller = static_cast<double>(std::min(a.shingles, b.shingles));
    return std::min(1.0, j * sizes / (1.0 + j) / smaller);
}

bool are_copies(const Signature& a, const Signature& b) {
    return jaccard(a, b) >= kMinJaccard && containment(a, b) >= kMinContainment;
}

}  // namespace newsdex::near_duplicates
