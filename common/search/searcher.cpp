#include "search/searcher.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <unordered_set>

#include "analysis/token_spans.h"
#include "database/retry.h"
#include "index/schema.h"
#include "index/shard_layout.h"
#include "query/date_filter.h"
#include "search/database_stats.h"
#include "search/copies.h"
#include "search/facets.h"
#include "search/spelling.h"
#include "search/suggestion.h"
#include "search/vocabulary.h"
#include "snippet/concordance.h"
#include "snippet/snippet_builder.h"
#include "util/errors.h"

namespace newsdex {

namespace {

// A searcher that runs while newsdex-index commits may see its revision vanish; reopening
// and retrying picks up the new one.
constexpr int kRetries = 3;

constexpr std::size_t kExactTotalUpTo = 1000;

// Terms of an article's expansion set that make up its --like query.
constexpr Xapian::termcount kLikeTerms = 30;

// Expansion terms are words: prefixed terms (filters, ids, title copies) start with an
// upper-case ASCII letter, which normalised words never do. Words in more than a tenth of
// the articles ("said", "the") say nothing about a topic; Xapian's expansion weight still
// ranks them high in a short feedback set, so they are left out.
class WordsOnly : public Xapian::ExpandDecider {
public:
    explicit WordsOnly(const Xapian::Database& db) : db_(db), common_(db.get_doccount() / 10) {}
    bool operator()(const std::string& term) const override {
        return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z') && db_.get_termfreq(term) <= common_;
    }

private:
    const Xapian::Database& db_;
    Xapian::doccount common_;
};

Xapian::BM25Weight bm25(const Bm25Params& p) { return Xapian::BM25Weight(p.k1, p.k2, p.k3, p.b, p.min_normlen); }

Ranking ranking_of(const SearchRequest& request) {
    Ranking r;
    r.k1 = request.bm25.k1;
    r.k2 = request.bm25.k2;
    r.k3 = request.bm25.k3;
    r.b = request.bm25.b;
    r.min_normlen = request.bm25.min_normlen;
    r.sort = request.sort == SortOrder::relevance ? "relevance" : request.sort == SortOrder::date ? "date" : "-date";
    if (!request.like.empty()) r.like = request.like;
    return r;
}

// A query that finds fewer articles than this gets a spelling suggestion, when there is one.
constexpr std::size_t kSuggestBelow = 3;
// Replacements tried per misspelt word, each costing an exact count of the corrected query.
constexpr std::size_t kSuggestionCandidates = 6;

// What makes two stored articles the same one, in whichever part each is: a hash of the
// unique term (its root, path and id), a value of the document. Read only when several parts
// are searched.
std::string article_key(const Xapian::Document& doc) { return doc.get_value(schema::kArticleKeySlot); }

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string joined;
    for (const auto& part : parts) joined += (joined.empty() ? "" : separator) + part;
    return joined;
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : Searcher(std::vector<std::string>{db_path}, OpenOptions{}) {}

Searcher::Searcher(std::vector<std::string> sources, OpenOptions options)
    : set_(std::move(sources), options), analyzer_(set_.settings()) {}

void Searcher::refresh() { set_.refresh(); }

// The frequencies come from the match: asking the database would cost a round trip per term
// and remote part.
void Searcher::weigh(std::vector<MatchPattern>& patterns, const Xapian::MSet& mset) const {
    const double docs = static_cast<double>(db().get_doccount()) + 1.0;
    for (auto& p : patterns) {
        double weight = 0;
        for (const auto& set : p.sequence) {
            double tf = 0;
            for (const auto& term : set) tf += mset.get_termfreq(term);
            weight += std::log(1.0 + docs / (1.0 + tf));
        }
        p.weight = weight;
    }
}

ParsedQuery Searcher::parse(const SearchRequest& request) {
    ParsedQuery parsed;
    const bool empty = request.query.find_first_not_of(" \t\r\n") == std::string::npos;
    if (!empty || (request.like.empty() && !request.empty_matches_all)) {
        QueryParser parser(analyzer_, database_vocabulary(db(), set_.shards(), analyzer_), request.max_expansions);
        parsed = parser.parse(request.query, request.mode);
    } else {
        parsed.query = Xapian::Query::MatchAll;
    }
    if (!request.like.empty()) {
        // The query no longer ranks: it only says which articles may be similar.
        const bool filtered = !empty;
        Xapian::Query like = like_query(request.like);
        parsed.query = filtered ? Xapian::Query(Xapian::Query::OP_FILTER, like, parsed.query) : like;
        parsed.constrained = parsed.constrained || filtered;
    }
    if (auto dates = date_limits_query(request.since, request.until)) {
        parsed.query = Xapian::Query(Xapian::Query::OP_FILTER, parsed.query, *dates);
        parsed.constrained = true;
    }
    return parsed;
}

Xapian::docid Searcher::only_article(const std::string& id, const std::string& option) {
    const std::string term = std::string(schema::kId) + analyzer_.normalize_value(id);
    std::vector<Xapian::docid> exact;
    std::vector<std::string> paths;
    std::unordered_set<std::string> seen;  // the same article in a second part is the same article
    const bool dedupe = set_.parts().size() > 1;
    for (auto it = db().postlist_begin(term); it != db().postlist_end(term); ++it) {
        const Xapian::Document doc = db().get_document(*it);
        const Article article = schema::decode_article(doc.get_data());
        if (article.id != id || (dedupe && !seen.insert(article_key(doc)).second)) continue;
        exact.push_back(*it);
        paths.push_back(article.path);
    }
    if (exact.empty()) throw Error("no article with id '" + id + "'");
    if (exact.size() > 1) {
        std::sort(paths.begin(), paths.end());
        throw Error("id '" + id + "' names " + std::to_string(exact.size()) + " articles (" + join(paths, ", ") +
                    "); " + option + " needs one");
    }
    return exact.front();
}

// Xapian's relevance feedback with the article as the one relevant document: its best
// expansion terms, OR-ed and ranked by BM25, without the article itself. Only words count
// (prefixed terms are filters and ids, not content).
Xapian::Query Searcher::like_query(const std::string& id) {
    const Xapian::docid doc = only_article(id, "--like");
    Xapian::RSet rset;
    rset.add_document(doc);
    Xapian::Enquire enquire(db());
    const WordsOnly words(db());
    const Xapian::ESet eset = enquire.get_eset(kLikeTerms, rset, &words);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
    Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());
    const std::string key = schema::unique_term_of(db(), doc);
    if (!key.empty()) like = Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(key));
    return like;
}

// Pseudo-relevance feedback: the query's top articles give the terms to add. A constrained
// query (filters, exclusions, dates, --like) keeps its matches and is only re-ranked;
// otherwise the added terms may bring in articles the query alone missed.
Xapian::Query Searcher::expand(const ParsedQuery& parsed, const SearchRequest& request, Expansion& report) {
    report.docs = request.expand.docs;
    report.max_terms = request.expand.terms;
    report.weight = request.expand.weight;
    Xapian::Enquire first(db());
    first.set_query(parsed.query);
    first.set_weighting_scheme(bm25(request.bm25));
    const Xapian::MSet top = first.get_mset(0, static_cast<Xapian::doccount>(request.expand.docs));
    if (top.empty()) return parsed.query;
    Xapian::RSet rset;
    for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
    const WordsOnly words(db());
    const Xapian::ESet eset = first.get_eset(static_cast<Xapian::termcount>(request.expand.terms), rset, &words);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        terms.emplace_back(*it);
        report.terms.push_back(*it);
    }
    if (terms.empty()) return parsed.query;
    const Xapian::Query added(Xapian::Query::OP_SCALE_WEIGHT,
                              Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), request.expand.weight);
    return Xapian::Query(parsed.constrained ? Xapian::Query::OP_AND_MAYBE : Xapian::Query::OP_OR, parsed.query, added);
}

std::optional<std::string> Searcher::suggest(const ParsedQuery& parsed, const SearchRequest& request,
                                             std::size_t found) {
    Speller speller(set_.shards());
    if (set_.has_remote()) speller.without_whole_vocabulary();
    const auto candidates = [&speller](std::string_view prefix, const std::string& term) {
        return speller.candidates(prefix, term, kSuggestionCandidates);
    };
    const auto count = [&](const std::string& text) -> std::size_t {
        SearchRequest corrected = request;
        corrected.query = text;
        try {
            return run_count(corrected).total;
        } catch (const QueryError&) {  // a replacement that reads as syntax: not a suggestion
            return 0;
        }
    };
    std::optional<std::string> text = corrected_query(parsed, candidates, count);
    // Only a query that finds more is worth suggesting: a word missing from the index may
    // still match through its stem forms ("oils"), and then its correction adds nothing.
    if (!text || count(*text) <= found) return std::nullopt;
    return text;
}

SearchResults Searcher::run(const SearchRequest& request, std::vector<MatchPattern>* patterns) {
    ParsedQuery parsed = parse(request);

    SearchResults results;
    results.ranking = ranking_of(request);
    Xapian::Query query = parsed.query;
    if (request.expand.enabled) query = expand(parsed, request, results.ranking.expand.emplace());

    Xapian::Enquire enquire(db());
    enquire.set_query(query);
    enquire.set_weighting_scheme(bm25(request.bm25));

    apply_sort_order(enquire, request.sort);
    if (request.collapse) enquire.set_collapse_key(schema::kGroupSlot);

    std::vector<std::unique_ptr<FacetSpy>> spies;
    for (const std::string& name : request.facets) {
        const FacetDefinition* facet = find_facet(name);
        if (facet == nullptr) {
            throw Error("unknown facet '" + name + "' (known: " + join(facet_names(), ", ") + ")");
        }
        const bool repeated = std::any_of(spies.begin(), spies.end(), [&](const auto& spy) {
            return spy->definition().name == facet->name;
        });
        if (repeated) continue;
        spies.push_back(std::make_unique<FacetSpy>(*facet));
        enquire.add_matchspy(spies.back()->match_spy());
    }

    // Checking at least this many matches makes the total exact for small result sets and
    // the same whatever page is asked for. Facets count every match, so they check them all.
    auto check_at_least = static_cast<Xapian::doccount>(request.offset + request.limit + kExactTotalUpTo);
    if (!spies.empty()) check_at_least = std::max(check_at_least, db().get_doccount());
    // Several parts may hold the same article (the same unique key: its path and id) when
    // their sources overlap; it is shown once, at its best rank. Each article is in a part at
    // most once, so the first (offset + limit) x parts matches hold the page.
    const bool dedupe = set_.parts().size() > 1;
    const std::size_t first = dedupe ? 0 : request.offset;
    const std::size_t wanted = dedupe ? (request.offset + request.limit) * set_.parts().size() : request.limit;
    check_at_least = std::max(check_at_least, static_cast<Xapian::doccount>(first + wanted));
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(first),
                                               static_cast<Xapian::doccount>(wanted), check_at_least);
    weigh(parsed.patterns, mset);
    // Each document is read once and kept: MSetIterator::get_document() reads it again on
    // every call, and over a remote part every read is an exchange.
    std::vector<std::pair<Xapian::MSetIterator, Xapian::Document>> shown;
    std::unordered_set<std::string> seen;
    for (auto it = mset.begin(); it != mset.end() && shown.size() < request.limit; ++it) {
        Xapian::Document doc = it.get_document();
        if (dedupe) {
            if (!seen.insert(article_key(doc)).second) continue;
            if (seen.size() <= request.offset) continue;
        }
        shown.emplace_back(it, std::move(doc));
    }

    results.query = request.query;
    results.qid = request.qid;
    results.total = request.collapse ? mset.get_uncollapsed_matches_estimated() : mset.get_matches_estimated();
    results.offset = request.offset;
    SnippetBuilder snippets(analyzer_, request.snippet_chars);
    const MatchFinder finder(parsed.patterns);
    std::size_t rank = request.offset;
    for (const auto& [it, doc] : shown) {
        Hit hit;
        hit.rank = ++rank;
        hit.score = it.get_weight();
        hit.article = schema::decode_article(doc.get_data());
        if (request.collapse) hit.copies = matching_copies(query, doc);
        if (request.snippets) {
            const bool body = !hit.article.body.empty();
            const std::string& text = body ? hit.article.body : hit.article.title;
            const auto field = body ? token_spans::Field::body : token_spans::Field::title;
            hit.snippet = snippets.build(
                text, token_spans::field_tokens(doc.get_value(schema::kTokenSpansSlot), field, text, analyzer_), finder);
        }
        results.hits.push_back(std::move(hit));
    }
    for (const auto& spy : spies) {
        results.facets.push_back(
            facet_result(spy->definition().name, spy->raw_counts(), analyzer_, request.facet_size));
    }
    results.warnings = std::move(parsed.warnings);
    if (request.suggest && request.like.empty() && results.total < kSuggestBelow) results.suggestion = suggest(parsed, request, results.total);
    if (patterns != nullptr) *patterns = std::move(parsed.patterns);
    return results;
}

// How many other members of the document's copy group the query matches: exact, where the
// MSet's collapse count is only a lower bound unless every match is checked.
std::size_t Searcher::matching_copies(const Xapian::Query& query, const Xapian::Document& doc) {
    const std::string group = doc.get_value(schema::kGroupSlot);
    if (group.empty()) return 0;
    Xapian::Enquire enquire(db());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kGroupSlot, group, group)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::doccount members = enquire.get_mset(0, 0, db().get_doccount()).get_matches_estimated();
    return members > 0 ? members - 1 : 0;
}

SearchResults Searcher::run_count(const SearchRequest& request) {
    ParsedQuery parsed = parse(request);
    Xapian::Enquire enquire(db());
    enquire.set_query(parsed.query);
    // No ranking is needed to count, and checking every document makes the count exact
    // rather than an estimate.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet mset = enquire.get_mset(0, 0, db().get_doccount());
    SearchResults results;
    results.query = request.query;
    results.qid = request.qid;
    results.total = mset.get_matches_estimated();
    results.warnings = std::move(parsed.warnings);
    return results;
}

template <typename Attempt>
auto Searcher::retrying(Attempt&& attempt) {
    RetryPlan plan;
    plan.database = set_.description();
    plan.subject = "search failed on database " + plan.database;
    plan.attempts = kRetries;
    plan.refresh = [this](DatabaseFault) {
        refresh();
        return true;
    };
    return with_retries(plan, attempt);
}

double* bm25_parameter(Bm25Params& params, std::string_view name) {
    return name == "k1"            ? &params.k1
           : name == "k2"          ? &params.k2
           : name == "k3"          ? &params.k3
           : name == "b"           ? &params.b
           : name == "min_normlen" ? &params.min_normlen
                                   : nullptr;
}

void Searcher::reopen() {
    try {
        refresh();
    } catch (const Xapian::Error& e) {
        throw Error("cannot reopen database " + set_.description() + ": " + e.get_description());
    }
}

SearchResults Searcher::search(const SearchRequest& request) {
    return retrying([&] { return run(request); });
}

SearchResults Searcher::count(const SearchRequest& request) {
    return retrying([&] { return run_count(request); });
}

MatchCursor Searcher::export_cursor(const SearchRequest& request, bool ranked) {
    const std::size_t matches = count(request).total;
    try {
        ParsedQuery parsed = parse(request);
        Xapian::Query query = parsed.query;
        Ranking ranking;
        if (ranked && request.expand.enabled) query = expand(parsed, request, ranking.expand.emplace());
        Xapian::Enquire enquire(db());
        enquire.set_query(query);
        if (ranked) {
            enquire.set_weighting_scheme(bm25(request.bm25));
            apply_sort_order(enquire, request.sort);
        } else {
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        }
        MatchCursor cursor(enquire, ranked, matches, db().get_doccount(), set_.description());
        if (set_.parts().size() > 1) cursor.one_per_article();
        return cursor;
    } catch (const Xapian::DatabaseModifiedError&) {
        throw Error("database " + set_.description() + " changed during the export (an indexer committed); run it again");
    } catch (const Xapian::Error& e) {
        throw Error("export failed on database " + set_.description() + ": " + e.get_description());
    }
}

void Searcher::export_matches(const SearchRequest& request, bool ranked, const std::function<void(std::size_t)>& total,
                              const std::function<void(const Hit&)>& each) {
    MatchCursor cursor = export_cursor(request, ranked);
    total(cursor.total());
    for (std::vector<Hit> hits = cursor.next(1000); !hits.empty(); hits = cursor.next(1000)) {
        for (const Hit& hit : hits) each(hit);
    }
}

SearchResults Searcher::duplicates(const std::string& id, std::size_t snippet_chars) {
    return retrying([&] {
        const Xapian::docid doc = only_article(id, "--duplicates");
        SearchResults results;
        results.query = id;
        SnippetBuilder snippets(analyzer_, snippet_chars);
        const MatchFinder none(std::vector<MatchPattern>{});
        for (const Xapian::docid member : group_members(db(), doc)) {
            Hit hit;
            hit.rank = results.hits.size() + 1;
            hit.article = schema::decode_article(db().get_document(member).get_data());
            const std::string& text = hit.article.body.empty() ? hit.article.title : hit.article.body;
            hit.snippet = snippets.build(text, none);
            results.hits.push_back(std::move(hit));
        }
        results.total = results.hits.size();
        return results;
    });
}

ConcordanceResults Searcher::concordance(const SearchRequest& request, std::size_t width) {
    SearchRequest quiet = request;
    quiet.snippets = false;
    quiet.suggest = false;
    quiet.facets.clear();
    std::vector<MatchPattern> patterns;
    const SearchResults hits = retrying([&] { return run(quiet, &patterns); });
    const MatchFinder finder(patterns);
    const ConcordanceBuilder builder(analyzer_, width);
    ConcordanceResults results;
    results.query = request.query;
    results.qid = request.qid;
    results.width = width;
    results.warnings = hits.warnings;
    for (const Hit& hit : hits.hits) {
        results.articles.push_back({hit.article.id, builder.lines(hit.article.title, hit.article.body, finder)});
    }
    return results;
}

TimelineResults Searcher::timeline(const SearchRequest& request, TimelinePeriod period) {
    return retrying([&] {
        ParsedQuery parsed = parse(request);
        Xapian::Enquire enquire(db());
        enquire.set_query(parsed.query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        TimelineSpy spy(period);
        enquire.add_matchspy(spy.match_spy());
        enquire.get_mset(0, 0, db().get_doccount());  // checks every match, so the spy sees all
        const auto since = parse_query_date(request.since);
        const auto until = parse_query_date(request.until);
        TimelineResults results;
        results.query = request.query;
        results.qid = request.qid;
        results.timeline = timeline_result(spy, since ? std::optional(since->first) : std::nullopt,
                                           until ? std::optional(until->last) : std::nullopt);
        results.warnings = std::move(parsed.warnings);
        return results;
    });
}

DatabaseStats Searcher::stats() {
    return retrying([&] { return collect_stats(set_, analyzer_); });
}

std::vector<Article> Searcher::find_by_id(const std::string& id) {
    const std::string term = std::string(schema::kId) + analyzer_.normalize_value(id);
    std::vector<Article> exact, similar;
    std::unordered_set<std::string> seen;  // the same article in two parts is shown once
    const bool dedupe = set_.parts().size() > 1;
    for (auto it = db().postlist_begin(term); it != db().postlist_end(term); ++it) {
        const Xapian::Document doc = db().get_document(*it);
        if (dedupe && !seen.insert(article_key(doc)).second) continue;
        Article article = schema::decode_article(doc.get_data());
        (article.id == id ? exact : similar).push_back(std::move(article));
    }
    exact.insert(exact.end(), similar.begin(), similar.end());
    return exact;
}

}  // namespace newsdex
