// Baseline for the indexing benchmark (scripts/bench-index.sh): the plainest indexer one can
// write over Xapian, so newsdex-index's figures have a reference on the same input and machine.
// Single-threaded; Xapian's own TermGenerator (positions, English stemmer, STEM_SOME, default
// settings otherwise); a unique Q term with replace_document, as an idempotent indexer needs;
// title + body stored as document data; Xapian's default autoflush; one commit at the end.
//
// Usage: baseline_index DB PATH...   (PATH: .json file with an array or one object, .jsonl
//                                     file with one object per line, or a folder of them)

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

struct Indexer {
    Xapian::WritableDatabase db;
    Xapian::TermGenerator tg;
    unsigned long long articles = 0, skipped = 0;

    explicit Indexer(const std::string& path) : db(path, Xapian::DB_CREATE_OR_OPEN) {
        tg.set_stemmer(Xapian::Stem("english"));
        tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    }

    void add(const json& rec, const std::string& fallback_id) {
        if (!rec.is_object()) {
            ++skipped;
            return;
        }
        const auto text = [&](const char* key) {
            auto it = rec.find(key);
            return it != rec.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        std::string id = text("id");
        if (id.empty()) id = fallback_id;
        const std::string title = text("title"), body = text("body");

        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(title);
        // Keep phrases from spanning the end of the title and the start of the body.
        tg.increase_termpos();  // Xapian's default gap of 100
        tg.index_text(body);
        doc.set_data(title + "\n\n" + body);
        // Xapian terms are limited to 245 bytes; Reuters and generated ids are far shorter.
        const std::string key = "Q" + id.substr(0, 200);
        doc.add_boolean_term(key);
        db.replace_document(key, doc);
        ++articles;
    }

    void file(const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + p.string());
        if (p.extension() == ".jsonl" || p.extension() == ".ndjson") {
            std::string line;
            unsigned long long n = 0;
            while (std::getline(in, line)) {
                ++n;
                if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
                const json rec = json::parse(line, nullptr, false);
                if (rec.is_discarded()) {
                    ++skipped;
                    continue;
                }
                add(rec, p.string() + "#" + std::to_string(n));
            }
        } else {
            const json doc = json::parse(in, nullptr, false);
            if (doc.is_discarded()) {
                ++skipped;
            } else if (doc.is_array()) {
                unsigned long long n = 0;
                for (const auto& rec : doc) add(rec, p.string() + "#" + std::to_string(++n));
            } else {
                add(doc, p.string());
            }
        }
    }

    void path(const fs::path& p) {
        if (!fs::is_directory(p)) {
            file(p);
            return;
        }
        std::vector<fs::path> files;
        for (const auto& e : fs::recursive_directory_iterator(p)) {
            const auto ext = e.path().extension();
            if (e.is_regular_file() && (ext == ".json" || ext == ".jsonl" || ext == ".ndjson"))
                files.push_back(e.path());
        }
        // Same order on every run, so two runs build the same database.
        std::sort(files.begin(), files.end());
        for (const auto& f : files) file(f);
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: baseline_index DB PATH...\n";
        return 2;
    }
    try {
        const auto start = std::chrono::steady_clock::now();
        Indexer ix(argv[1]);
        for (int i = 2; i < argc; ++i) ix.path(argv[i]);
        ix.db.commit();
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("baseline: indexed %llu articles (%llu skipped) in %.2f s\n", ix.articles,
                    ix.skipped, s);
        return ix.skipped ? 1 : 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "baseline_index: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "baseline_index: " << e.what() << "\n";
    }
    return 2;
}
