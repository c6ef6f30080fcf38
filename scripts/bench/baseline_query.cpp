// Baseline for the query benchmark (scripts/bench-query.sh): the plainest searcher one can
// write over Xapian, run in one process over the same query file and database as
// newsdex-search, so that newsdex's per-query times have a reference on the same machine.
//
// Per query it times Xapian::QueryParser (no stemmer: a newsdex database has no Z terms, so
// words match as indexed; quoted phrases become phrase queries), get_mset(0, 10) and
// get_document().get_data() of each hit; with "snippet" also MSet::snippet over that data
// (200 bytes, newsdex's default snippet length in characters; Reuters is ASCII). The data is
// newsdex's encoded article; the whole of it is taken as the text rather than decoding the
// body with newsdex's code, which the baseline must not share. QueryParser tokenises its own
// way, so its matches are close to newsdex's but not the same: newsdex matches every word of
// a stem, the baseline only the word as written.
//
// Usage: baseline_query DB QUERIES any|all data|snippet
//   QUERIES: "qid<TAB>query" lines. Prints "qid<TAB>microseconds<TAB>estimated matches" per
//   query on stdout; the time covers parsing to the last hit's data (and snippet).

#include <xapian.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: baseline_query DB QUERIES any|all data|snippet\n";
        return 2;
    }
    const std::string mode = argv[3], work = argv[4];
    if ((mode != "any" && mode != "all") || (work != "data" && work != "snippet")) {
        std::cerr << "baseline_query: expected any|all and data|snippet\n";
        return 2;
    }
    try {
        Xapian::Database db(argv[1]);  // a folder with a XAPIANDB stub opens every shard
        Xapian::Enquire enquire(db);
        Xapian::QueryParser parser;
        parser.set_database(db);
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        parser.set_default_op(mode == "all" ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
        const Xapian::Stem no_stemmer;

        std::ifstream in(argv[2]);
        if (!in) {
            std::cerr << "baseline_query: cannot read " << argv[2] << "\n";
            return 2;
        }
        std::string line;
        std::size_t checksum = 0;  // uses every result, so the compiler drops no work
        while (std::getline(in, line)) {
            const auto tab = line.find('\t');
            if (tab == std::string::npos) continue;
            const std::string qid = line.substr(0, tab), text = line.substr(tab + 1);
            const auto start = std::chrono::steady_clock::now();
            enquire.set_query(parser.parse_query(text));
            const Xapian::MSet mset = enquire.get_mset(0, 10);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                const std::string data = it.get_document().get_data();
                checksum += data.size();
                if (work == "snippet") checksum += mset.snippet(data, 200, no_stemmer).size();
            }
            const auto us =
                std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
            std::cout << qid << '\t' << us << '\t' << mset.get_matches_estimated() << '\n';
        }
        std::cerr << "baseline_query: checksum " << checksum << "\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "baseline_query: " << e.get_description() << "\n";
        return 2;
    }
    return 0;
}
