// Near-duplicate signatures (index/near_duplicates.h): which pairs of bodies count as copies, the
// shingle counts and the containment estimate computed by hand, and the stored forms.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "index/near_duplicates.h"
#include "near_duplicate_stories.h"

namespace {

using namespace newsdex;
using namespace newsdex::near_duplicates;
using namespace newsdex::test::stories;

Signature signature_of(const std::string& body) {
    Analyzer analyzer(AnalyzerSettings{});
    SignatureBuilder builder;
    analyzer.analyze(body, [&](const Token& t) { builder.add(t.term); });
    return builder.finish();
}

struct Pair {
    const char* name;
    std::string a, b;
    bool copies;
};

TEST(NearDuplicates, WhichBodiesAreCopies) {
    const std::vector<Pair> rows = {
        {"exact copy", kStrike, kStrike, true},
        {"case, curly quotes and accents do not matter", kStrike, kStrikeRetyped, true},
        {"last paragraph trimmed", kStrike, kStrikeTrimmed, true},
        {"last paragraph trimmed, the other way round", kStrikeTrimmed, kStrike, true},
        {"a paragraph added at the end", kStrike, kStrikeExtended, true},
        {"two stories on the same strike", kStrike, kStrikeOtherStory, false},
        {"two unrelated stories", kStrike, kHarvest, false},
        {"empty bodies", "", "", false},
        {"empty and not", "", kStrike, false},
        {"short bodies, same words", "Markets closed early.", "MARKETS closed early!", true},
        {"short bodies, other words", "Markets closed early.", "Markets shut early.", false},
        {"a short body and a long one starting with it", "Dock workers walked", kStrike, false},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(are_copies(signature_of(row.a), signature_of(row.b)), row.copies) << row.name;
    }
}

TEST(NearDuplicates, KindsAndShingleCounts) {
    // Fewer words than a shingle: exact; none for no words at all.
    EXPECT_EQ(signature_of("").kind, Signature::Kind::none);
    EXPECT_EQ(signature_of(" ... ").kind, Signature::Kind::none);
    EXPECT_EQ(signature_of("one two three").kind, Signature::Kind::exact);
    // Six distinct words: shingles start at words 1, 2 and 3.
    const Signature six = signature_of("one two three four five six");
    EXPECT_EQ(six.kind, Signature::Kind::minhash);
    EXPECT_EQ(six.shingles, 3u);
    // Four words: exactly one shingle.
    EXPECT_EQ(signature_of("one two three four").shingles, 1u);
    // "a b c d a b c d": abcd bcda cdab dabc abcd — the repeated one counts once.
    EXPECT_EQ(signature_of("red blue green gold red blue green gold").shingles, 4u);
}

TEST(NearDuplicates, SameTermsSameSignature) {
    EXPECT_EQ(signature_of(kStrike), signature_of(kStrike));
    EXPECT_EQ(signature_of(kStrike), signature_of(kStrikeRetyped));
    EXPECT_EQ(jaccard(signature_of(kStrike), signature_of(kStrike)), 1.0);
    EXPECT_EQ(containment(signature_of(kStrike), signature_of(kStrike)), 1.0);
}

Signature made(std::uint32_t shingles, std::size_t equal_minima, bool second) {
    Signature s;
    s.kind = Signature::Kind::minhash;
    s.shingles = shingles;
    for (std::size_t i = 0; i < kHashes; ++i) {
        s.minima[i] = static_cast<std::uint32_t>(i < equal_minima ? i : (second ? 1000 + i : 2000 + i));
    }
    return s;
}

struct Estimate {
    const char* name;
    std::uint32_t a_shingles, b_shingles;
    std::size_t equal;  // of 60 minima
    double jaccard, containment;
    bool copies;
};

TEST(NearDuplicates, ContainmentFromJaccardAndCounts) {
    // |A∩B| = J (|A| + |B|) / (1 + J), divided by the smaller count, at most 1.
    const std::vector<Estimate> rows = {
        // J = 30/60 = 0.5; 0.5 * 200 / 1.5 = 66.67 of 100.
        {"equal sizes, half the minima", 100, 100, 30, 0.5, 200.0 / 3.0 / 100.0, false},
        // J = 33/60 = 0.55; 0.55 * 200 / 1.55 = 70.97 of 100.
        {"equal sizes, just above 0.7", 100, 100, 33, 0.55, 0.55 * 200.0 / 1.55 / 100.0, true},
        // J = 0.75; 0.75 * 160 / 1.75 = 68.57 of 60: above 1, so 1.
        {"the smaller one inside the larger", 100, 60, 45, 0.75, 1.0, true},
        // J = 17/60 = 0.283 < 0.3: containment 1 (0.283 * 420 / 1.283 = 92.7 of 20) is noise.
        {"a tiny body and a long one", 20, 400, 17, 17.0 / 60.0, 1.0, false},
        {"nothing in common", 100, 100, 0, 0.0, 0.0, false},
    };
    for (const auto& row : rows) {
        const Signature a = made(row.a_shingles, row.equal, false);
        const Signature b = made(row.b_shingles, row.equal, true);
        EXPECT_DOUBLE_EQ(jaccard(a, b), row.jaccard) << row.name;
        EXPECT_DOUBLE_EQ(containment(a, b), row.containment) << row.name;
        EXPECT_EQ(are_copies(a, b), row.copies) << row.name;
    }
}

TEST(NearDuplicates, StoredFormsRoundTrip) {
    const Signature minhash = signature_of(kStrike);
    const Signature exact = signature_of("Markets closed early.");
    EXPECT_EQ(encode(Signature{}), "");
    EXPECT_EQ(encode(exact).size(), 9u);            // 'E' + 8 bytes
    EXPECT_EQ(encode(minhash).size(), 5u + 4 * 60);  // 'M' + count + 60 minima
    EXPECT_EQ(decode(encode(minhash)), minhash);
    EXPECT_EQ(decode(encode(exact)), exact);
    EXPECT_EQ(decode(""), std::nullopt);
    EXPECT_EQ(decode("M123"), std::nullopt);
    EXPECT_EQ(decode("X" + encode(minhash).substr(1)), std::nullopt);
}

TEST(NearDuplicates, BandKeys) {
    const std::vector<std::uint64_t> keys = band_keys(signature_of(kStrike));
    EXPECT_EQ(keys.size(), 20u);
    EXPECT_EQ(band_keys(signature_of("Markets closed early.")).size(), 1u);
    EXPECT_TRUE(band_keys(Signature{}).empty());
    // Copies share bands: the whole point of them.
    EXPECT_EQ(band_keys(signature_of(kStrikeRetyped)), keys);
    EXPECT_EQ(band_keys(signature_of("MARKETS closed early!")), band_keys(signature_of("Markets closed early.")));
    EXPECT_NE(band_keys(signature_of("Markets shut early.")), band_keys(signature_of("Markets closed early.")));
    // One minimum changed in band 7 (values 21, 22, 23) changes that band's key only.
    Signature changed = signature_of(kStrike);
    changed.minima[22] ^= 1;
    const std::vector<std::uint64_t> changed_keys = band_keys(changed);
    for (std::size_t band = 0; band < kBands; ++band) {
        EXPECT_EQ(changed_keys[band] == keys[band], band != 7) << "band " << band;
    }
    // The band's number is in its key: equal rows in two bands are not a shared band.
    Signature flat = made(10, kHashes, false);
    flat.minima.fill(5);
    const std::vector<std::uint64_t> flat_keys = band_keys(flat);
    EXPECT_EQ(std::set<std::uint64_t>(flat_keys.begin(), flat_keys.end()).size(), 20u);
}

}  // namespace
