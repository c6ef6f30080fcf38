// Deterministic query sets for the query benchmark (scripts/bench-query.sh), drawn from the
// Reuters-21578 titles and bodies so that every class has queries that really match:
//
//   rare-NNN    one word found in 2-9 articles     (67)
//   mid-NNN     one word found in 10-199 articles  (67)
//   common-NNN  one word found in 200 or more      (66)
//   pair-NNN    two content words of one article (100)
//   phrase-NNN  2 or 3 adjacent words of one article, "double quoted" (100)
//   long-NNN    3 to 5 content words of one article, in their order there (100)
//
// A content word is alphabetic, at least 3 letters, and in at most 5 % of the articles, so
// that pairs and long queries look like what people type rather than "the said". Words are
// lower-cased ASCII letter runs: a rough tokeniser, enough to pick words; the searchers
// analyse the queries their own way. Same seed and inputs, same bytes: the generator uses its
// own PRNG, and sorts what it draws from so hash-map order never matters.
//
// Usage: gen_queries REUTERS_DIR SEED      prints "qid<TAB>query" lines on stdout

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// splitmix64 seeding xoshiro256**, as in gen_corpus.cpp: small and fully specified, unlike
// the standard library's distributions.
struct Rng {
    uint64_t s[4];
    explicit Rng(uint64_t seed) {
        for (auto& x : s) {
            seed += 0x9e3779b97f4a7c15ULL;
            uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            x = z ^ (z >> 31);
        }
    }
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t next() {
        const uint64_t r = rotl(s[1] * 5, 7) * 9;
        const uint64_t t = s[1] << 17;
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
        s[2] ^= t; s[3] = rotl(s[3], 45);
        return r;
    }
    uint64_t below(uint64_t n) { return next() % n; }  // modulo bias irrelevant at these n
};

// A token and whether only blanks separate it from the one before: phrases are taken only
// across blanks, so "said. The" never becomes the phrase "said the".
struct Token {
    std::string word;
    bool alphabetic;
    bool joined;
};

std::vector<Token> tokenise(const std::string& text) {
    std::vector<Token> out;
    bool blanks_only = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = text[i];
        if (std::isalnum(c)) {
            Token t{"", true, blanks_only && !out.empty()};
            while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) {
                const unsigned char d = text[i++];
                if (!std::isalpha(d)) t.alphabetic = false;
                t.word += static_cast<char>(std::tolower(d));
            }
            out.push_back(std::move(t));
            blanks_only = true;
        } else {
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') blanks_only = false;
            ++i;
        }
    }
    return out;
}

std::vector<fs::path> json_files(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());  // directory order is not deterministic
    return files;
}

// Draws up to n distinct items of a sorted list.
std::vector<std::string> draw(const std::vector<std::string>& from, std::size_t n, Rng& rng) {
    std::vector<std::string> pool = from;
    std::vector<std::string> out;
    while (out.size() < n && !pool.empty()) {
        const std::size_t k = rng.below(pool.size());
        out.push_back(pool[k]);
        pool[k] = pool.back();
        pool.pop_back();
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: gen_queries REUTERS_DIR SEED\n";
        return 2;
    }
    Rng rng(std::stoull(argv[2]));

    std::vector<std::vector<Token>> articles;  // title then body, as one token stream
    for (const auto& f : json_files(argv[1])) {
        std::ifstream in(f, std::ios::binary);
        for (const auto& rec : json::parse(in)) {
            // The title goes first, separated so no phrase runs from title into body.
            auto tokens = tokenise(rec.value("title", ""));
            auto body = tokenise(rec.value("body", ""));
            if (!body.empty()) body.front().joined = false;
            tokens.insert(tokens.end(), body.begin(), body.end());
            if (!tokens.empty()) articles.push_back(std::move(tokens));
        }
    }
    if (articles.empty()) {
        std::cerr << "gen_queries: no articles under " << argv[1] << "\n";
        return 2;
    }

    std::unordered_map<std::string, std::uint32_t> df;
    for (const auto& a : articles) {
        std::unordered_set<std::string> seen;
        for (const auto& t : a)
            if (t.alphabetic && t.word.size() >= 3 && seen.insert(t.word).second) ++df[t.word];
    }
    const std::uint32_t content_max = static_cast<std::uint32_t>(articles.size() / 20);
    auto content = [&](const Token& t) {
        if (!t.alphabetic || t.word.size() < 3 || t.word.size() > 20) return false;
        const auto it = df.find(t.word);
        return it != df.end() && it->second <= content_max;
    };

    std::vector<std::string> rare, mid, common;
    for (const auto& [word, n] : df) {
        if (word.size() > 20) continue;
        if (n >= 2 && n <= 9) rare.push_back(word);
        else if (n >= 10 && n <= 199) mid.push_back(word);
        else if (n >= 200) common.push_back(word);
    }
    for (auto* v : {&rare, &mid, &common}) std::sort(v->begin(), v->end());

    auto print = [](const char* cls, const std::vector<std::string>& queries) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
            char qid[32];
            std::snprintf(qid, sizeof qid, "%s-%03zu", cls, i + 1);
            std::cout << qid << '\t' << queries[i] << '\n';
        }
    };
    print("rare", draw(rare, 67, rng));
    print("mid", draw(mid, 67, rng));
    print("common", draw(common, 66, rng));

    // The multi-word classes: each query from one randomly chosen article, retried until it
    // has what the class needs; distinct queries only.
    auto from_articles = [&](std::size_t n, auto make) {
        std::vector<std::string> out;
        std::set<std::string> seen;
        for (int tries = 0; out.size() < n && tries < 1000000; ++tries) {
            const auto& a = articles[rng.below(articles.size())];
            const std::string q = make(a);
            if (!q.empty() && seen.insert(q).second) out.push_back(q);
        }
        return out;
    };
    // k distinct content words of an article, in the order they first appear there.
    auto content_words = [&](const std::vector<Token>& a, std::size_t k) {
        std::vector<std::string> words;
        std::unordered_set<std::string> seen;
        for (const auto& t : a)
            if (content(t) && seen.insert(t.word).second) words.push_back(t.word);
        if (words.size() < k) return std::string();
        std::vector<std::size_t> picks;
        while (picks.size() < k) {
            const std::size_t p = rng.below(words.size());
            if (std::find(picks.begin(), picks.end(), p) == picks.end()) picks.push_back(p);
        }
        std::sort(picks.begin(), picks.end());
        std::string q;
        for (const auto p : picks) q += (q.empty() ? "" : " ") + words[p];
        return q;
    };
    print("pair", from_articles(100, [&](const auto& a) { return content_words(a, 2); }));
    print("phrase", from_articles(100, [&](const std::vector<Token>& a) {
        const std::size_t len = 2 + rng.below(2);
        if (a.size() < len) return std::string();
        const std::size_t start = rng.below(a.size() - len + 1);
        bool has_content = false;
        std::string q;
        for (std::size_t i = start; i < start + len; ++i) {
            const Token& t = a[i];
            // Letters only, adjacent across blanks; one content word at least, so the phrase
            // is not "of the".
            if (!t.alphabetic || (i > start && !t.joined)) return std::string();
            has_content = has_content || content(t);
            q += (q.empty() ? "" : " ") + t.word;
        }
        return has_content ? "\"" + q + "\"" : std::string();
    }));
    print("long", from_articles(100, [&](const auto& a) { return content_words(a, 3 + rng.below(3)); }));
    return 0;
}
