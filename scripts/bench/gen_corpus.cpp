// Deterministic synthetic news corpus for the indexing benchmark (scripts/bench-index.sh).
//
// Trains a word-bigram model on the Reuters-21578 titles and bodies and writes SCALE times
// Reuters' JSON size as JSON Lines files. Reshuffled Reuters words alone would keep the
// vocabulary fixed, whereas real text keeps bringing new words (Heaps' law) and the number of
// distinct terms is what makes an inverted index grow and slow down. So a share of the tokens
// is replaced by synthesised words: syllable spellings of a rank drawn from an unbounded Zipf
// law, whose distinct count grows like n^(1/s) with the number of draws n. Numbers get fresh
// digits for the same reason. Same seed and inputs, same bytes: the generator uses its own
// PRNG and no library distribution, whose output may differ between standard libraries.
//
// Usage: gen_corpus REUTERS_DIR OUT_DIR SCALE SEED [FILE_MB]
//        gen_corpus --count REUTERS_DIR      (distinct words of Reuters itself, no output)
// Prints "records=N bytes=N distinct_words=N" on stdout when done.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// splitmix64 seeding xoshiro256**: small, fast and fully specified.
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
    // Uniform in [0, n); the modulo bias is irrelevant at these n.
    uint64_t below(uint64_t n) { return next() % n; }
    // Uniform in (0, 1].
    double unit() { return (double((next() >> 11) + 1)) * (1.0 / 9007199254740992.0); }
};

// One vocabulary of Reuters tokens with a successor list per token; sampling a successor
// uniformly from the list samples it with its bigram frequency.
struct Bigram {
    std::unordered_map<std::string, uint32_t> ids;
    std::vector<std::string> words;
    std::vector<std::vector<uint32_t>> next;
    std::vector<uint32_t> starts;
    std::vector<uint32_t> lengths;  // token counts of the training texts

    uint32_t id(const std::string& w) {
        auto [it, added] = ids.emplace(w, uint32_t(words.size()));
        if (added) {
            words.push_back(w);
            next.emplace_back();
        }
        return it->second;
    }
    void train(const std::string& text) {
        std::istringstream in(text);
        std::string w;
        uint32_t prev = UINT32_MAX, n = 0;
        while (in >> w) {
            const uint32_t cur = id(w);
            if (prev == UINT32_MAX) starts.push_back(cur);
            else next[prev].push_back(cur);
            prev = cur;
            ++n;
        }
        if (n) lengths.push_back(n);
    }
    uint32_t step(uint32_t cur, Rng& rng) const {
        const auto& succ = next[cur];
        // A text's last token may have no successor: start a new sentence chain.
        if (succ.empty()) return starts[rng.below(starts.size())];
        return succ[rng.below(succ.size())];
    }
};

// The k-th synthesised word (k >= 1): k written in base 48 with syllables as digits, at least
// two syllables, so every rank has its own spelling and low ranks are short, like frequent words.
const char* const kSyllables[] = {
    "ba", "be", "bo", "ca", "ci", "da", "de", "do", "fa", "fe", "ga", "go", "ha", "ki", "ko", "la",
    "le", "li", "lo", "ma", "me", "mi", "mo", "na", "ne", "no", "pa", "pe", "ra", "re", "ri", "ro",
    "sa", "se", "so", "ta", "te", "ti", "to", "va", "ve", "za", "zu", "lan", "ter", "mor", "vis", "quen"};
constexpr uint64_t kSyllableCount = sizeof kSyllables / sizeof *kSyllables;
static_assert(kSyllableCount == 48);

std::string synth_word(uint64_t k) {
    std::string w;
    int n = 0;
    while (k > 0 || n < 2) {
        w += kSyllables[k % kSyllableCount];
        k /= kSyllableCount;
        ++n;
    }
    return w;
}

// Unbounded Zipf-like rank with P(k) ~ k^-s: floor of a Pareto variate with tail index s-1.
uint64_t zipf_rank(Rng& rng, double s) {
    const double x = std::pow(rng.unit(), -1.0 / (s - 1.0));
    return x >= 1e15 ? uint64_t(1e15) : uint64_t(x);
}

// Counts distinct lower-cased ASCII alphanumeric words by 64-bit hash (approximate, which is
// enough to show the vocabulary growth).
struct WordCounter {
    std::unordered_set<uint64_t> seen;
    void add(const std::string& text) {
        uint64_t h = 0;
        bool in = false;
        for (unsigned char c : text) {
            if (std::isalnum(c)) {
                if (!in) h = 1469598103934665603ULL;
                h = (h ^ uint64_t(std::tolower(c))) * 1099511628211ULL;
                in = true;
            } else if (in) {
                seen.insert(h);
                in = false;
            }
        }
        if (in) seen.insert(h);
    }
};

struct Record {
    std::vector<std::string> topics, places;
};

struct Reuters {
    Bigram titles, bodies;
    std::vector<Record> meta;
    uint64_t json_bytes = 0;
};

std::vector<fs::path> json_files(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());  // directory order is not deterministic
    return files;
}

std::vector<std::string> string_list(const json& r, const char* key) {
    std::vector<std::string> out;
    if (auto it = r.find(key); it != r.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

Reuters load_reuters(const fs::path& dir, WordCounter* counter) {
    Reuters r;
    for (const auto& f : json_files(dir)) {
        r.json_bytes += fs::file_size(f);
        std::ifstream in(f, std::ios::binary);
        const json arr = json::parse(in);
        for (const auto& rec : arr) {
            const std::string title = rec.value("title", "");
            const std::string body = rec.value("body", "");
            if (counter) {
                counter->add(title);
                counter->add(body);
            }
            r.titles.train(title);
            r.bodies.train(body);
            r.meta.push_back({string_list(rec, "topics"), string_list(rec, "places")});
        }
    }
    return r;
}

bool is_number(const std::string& w) {
    bool digit = false;
    for (unsigned char c : w) {
        if (std::isdigit(c)) digit = true;
        else if (c != ',' && c != '.') return false;
    }
    return digit;
}

struct Generator {
    const Reuters& src;
    Rng rng;
    WordCounter counter;
    // Share of tokens replaced by a synthesised word, and the Zipf exponent of their ranks:
    // distinct synthesised words grow like draws^(1/1.25) = draws^0.8, a steep but real-world
    // Heaps exponent (news with names, places and typos sits around 0.5-0.8).
    static constexpr double kSynthShare = 0.05;
    static constexpr double kZipfS = 1.25;

    Generator(const Reuters& r, uint64_t seed) : src(r), rng(seed) {}

    std::string token(const Bigram& m, uint32_t id, bool upper) {
        std::string w;
        if (rng.unit() <= kSynthShare) {
            w = synth_word(zipf_rank(rng, kZipfS));
            // Roughly a third of new words are names.
            if (upper) for (auto& c : w) c = char(std::toupper((unsigned char)c));
            else if (rng.below(3) == 0) w[0] = char(std::toupper((unsigned char)w[0]));
            return w;
        }
        w = m.words[id];
        // Figures in news are mostly new strings; keep the shape, redraw half the digits.
        if (is_number(w))
            for (auto& c : w)
                if (std::isdigit((unsigned char)c) && rng.below(2)) c = char('0' + rng.below(10));
        return w;
    }

    // Reuters-like layout: lines of about 65 columns, paragraphs indented by four spaces.
    std::string body() {
        const Bigram& m = src.bodies;
        const uint32_t len = std::max<uint32_t>(12, m.lengths[rng.below(m.lengths.size())]);
        std::string out;
        size_t col = 0;
        uint32_t cur = m.starts[rng.below(m.starts.size())];
        for (uint32_t i = 0; i < len; ++i) {
            const std::string w = token(m, cur, false);
            if (i > 0) {
                if (out.back() == '.' && rng.below(4) == 0) {
                    out += "\n    ";
                    col = 4;
                } else if (col + 1 + w.size() > 65) {
                    out += '\n';
                    col = 0;
                } else {
                    out += ' ';
                    ++col;
                }
            }
            out += w;
            col += w.size();
            cur = m.step(cur, rng);
        }
        return out;
    }

    std::string title() {
        const Bigram& m = src.titles;
        const uint32_t len = std::min<uint32_t>(12, m.lengths[rng.below(m.lengths.size())]);
        std::string out;
        uint32_t cur = m.starts[rng.below(m.starts.size())];
        for (uint32_t i = 0; i < len; ++i) {
            if (i) out += ' ';
            out += token(m, cur, true);
            cur = m.step(cur, rng);
        }
        return out;
    }
};

std::string iso_date(int64_t t) {
    const std::time_t tt = t;
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int run(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--count") {
        WordCounter c;
        const Reuters r = load_reuters(argv[2], &c);
        std::cout << "records=" << r.meta.size() << " bytes=" << r.json_bytes
                  << " distinct_words=" << c.seen.size() << "\n";
        return 0;
    }
    if (argc < 5 || argc > 6) {
        std::cerr << "usage: gen_corpus REUTERS_DIR OUT_DIR SCALE SEED [FILE_MB]\n"
                     "       gen_corpus --count REUTERS_DIR\n";
        return 2;
    }
    const fs::path out_dir = argv[2];
    const uint64_t scale = std::stoull(argv[3]);
    const uint64_t seed = std::stoull(argv[4]);
    const uint64_t file_bytes = (argc == 6 ? std::stoull(argv[5]) : 40) * 1000 * 1000;

    const Reuters src = load_reuters(argv[1], nullptr);
    const uint64_t target = src.json_bytes * scale;
    Generator gen(src, seed * 1000003 + scale);  // each size its own stream

    // Dates run forward from 1990 to 2024 through the corpus, as in an archive read in order,
    // with a few hours of jitter so neighbours are not evenly spaced.
    const int64_t t0 = 631152000;   // 1990-01-01
    const int64_t t1 = 1735689600;  // 2025-01-01

    fs::create_directories(out_dir);
    std::unordered_set<uint64_t> bodies;  // hashes, to guarantee no body is repeated
    uint64_t written = 0, records = 0, file_no = 0, in_file = 0;
    std::ofstream out;
    while (written < target) {
        if (!out.is_open() || in_file >= file_bytes) {
            if (out.is_open()) out.close();
            char name[32];
            std::snprintf(name, sizeof name, "part-%04llu.jsonl", (unsigned long long)file_no++);
            out.open(out_dir / name, std::ios::binary | std::ios::trunc);
            if (!out) throw std::runtime_error("cannot write " + (out_dir / name).string());
            in_file = 0;
        }
        std::string body;
        do body = gen.body();
        while (!bodies.insert(std::hash<std::string>{}(body)).second);
        const std::string title = gen.title();
        gen.counter.add(title);
        gen.counter.add(body);

        const Record& meta = src.meta[gen.rng.below(src.meta.size())];
        const int64_t t = t0 + int64_t(double(t1 - t0) * double(written) / double(target)) +
                          int64_t(gen.rng.below(6 * 3600));
        char id[48];
        std::snprintf(id, sizeof id, "x%llu-%09llu", (unsigned long long)scale,
                      (unsigned long long)records);
        json rec = {{"id", id},          {"date", iso_date(t)},       {"title", title},
                    {"topics", meta.topics}, {"places", meta.places}, {"body", body}};
        const std::string line = rec.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
        out << line;
        written += line.size();
        in_file += line.size();
        ++records;
    }
    out.close();
    if (!out) throw std::runtime_error("write failed in " + out_dir.string());
    std::cout << "records=" << records << " bytes=" << written
              << " distinct_words=" << gen.counter.seen.size() << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "gen_corpus: error: " << e.what() << "\n";
        return 2;
    }
}
