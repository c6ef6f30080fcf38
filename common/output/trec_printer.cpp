// The TREC run format, for trec_eval and every IR toolkit: one line per hit,
// `qid Q0 docno rank score tag`. The docno is the article id with each white-space character
// made '_' (a docno is one field); an id met again within one query's list (two articles
// sharing an id) is left out after its first, best-ranked line, and ranks stay consecutive.
// A query without an id (given on the command line) has qid "1", as the first line of a file.
// Counts are `qid count` lines, timelines `qid period count`; facets, --stats and --show have
// no TREC form.
#include <memory>
#include <ostream>
#include <set>
#include <string>

#include "output/printer.h"
#include "output/score_format.h"
#include "util/errors.h"

namespace newsdex {
namespace {

class TrecPrinter final : public Printer {
public:
    TrecPrinter(std::ostream& out, std::string tag) : out_(out), tag_(std::move(tag)) {}

    void print_results(const SearchResults& results) override {
        const std::string qid = results.qid.value_or("1");
        std::set<std::string> seen;
        std::size_t rank = results.offset;
        for (const Hit& hit : results.hits) {
            std::string docno = trec_docno(hit.article.id);
            if (!seen.insert(docno).second) continue;
            out_ << qid << " Q0 " << docno << ' ' << ++rank << ' ' << exact_score(hit.score) << ' ' << tag_ << '\n';
        }
    }

    void print_count(const CountResult& count) override {
        out_ << count.qid.value_or("1") << ' ' << count.count << '\n';
    }

    // `qid period count` lines; undated matches are not a period and are left out.
    void print_timeline(const TimelineResults& t) override {
        for (const auto& bucket : t.timeline.buckets) {
            out_ << t.qid.value_or("1") << ' ' << bucket.period << ' ' << bucket.count << '\n';
        }
    }

    void print_article(const Article&) override { throw Error("--format trec cannot print an article"); }
    void print_concordance(const ConcordanceResults&) override { throw Error("--format trec cannot print --kwic"); }
    void print_evaluation(const eval::Evaluation&) override { throw Error("--format trec cannot print --qrels"); }
    void print_stats(const DatabaseStats&) override { throw Error("--format trec cannot print --stats"); }

private:
    std::ostream& out_;
    std::string tag_;
};

}  // namespace

std::string trec_docno(const std::string& id) {
    std::string docno = id;
    for (char& c : docno) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') c = '_';
    }
    return docno;
}

// Declared in printer.cpp, the only caller.
namespace detail {
std::unique_ptr<Printer> make_trec_printer(std::ostream& out, const std::string& tag) {
    return std::make_unique<TrecPrinter>(out, tag);
}
}  // namespace detail

}  // namespace newsdex
