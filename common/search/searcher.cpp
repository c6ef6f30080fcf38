#include "search/searcher.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>

#include "index/schema.h"
#include "index/shard_layout.h"
#include "query/date_filter.h"
#include "search/database_stats.h"
#include "search/facets.h"
#include "search/spelling.h"
#include "search/suggestion.h"
#include "search/vocabulary.h"
#include "snippet/snippet_builder.h"
#include "util/errors.h"

namespace newsdex {

namespace {

// The whole database (Xapian opens the shards through the stub) and each shard on its own,
// for the metadata that every shard keeps for itself (the stem table).
// A searcher that runs while newsdex-index commits may see its revision vanish; reopening
// and retrying picks up the new one.
constexpr int kRetries = 3;

Xapian::Database open_readable(const std::string& path, std::vector<Xapian::Database>& shards) {
    const std::vector<std::string> shard_paths = shard_layout::shard_paths(path);
    if (shard_paths.empty()) {
        throw Error("no database at " + path + " (create it with: newsdex-index -d " + path + " FOLDER)");
    }
    for (int attempt = 1;; ++attempt) {
        try {
            shards.clear();
            for (const auto& shard : shard_paths) shards.emplace_back(shard);
            return Xapian::Database(path);
        } catch (const Xapian::DatabaseVersionError& e) {
            throw Error("database " + path + " was made by an incompatible Xapian version: " + e.get_msg());
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == kRetries) throw Error("database " + path + " keeps changing; try again");
        } catch (const Xapian::DatabaseCorruptError& e) {
            // Seen now and then when opening while newsdex-index commits; real damage persists.
            if (attempt == kRetries) throw Error("cannot open database " + path + ": " + e.get_description());
        } catch (const Xapian::Error& e) {
            throw Error("cannot open database " + path + ": " + e.get_description());
        }
    }
}

// read_settings, reopening when a commit discards the revision being read.
AnalyzerSettings current_settings(Xapian::Database& db, std::vector<Xapian::Database>& shards,
                                  const std::string& path) {
    for (int attempt = 1;; ++attempt) {
        try {
            return read_settings(db, path);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kRetries) throw Error("database " + path + " keeps changing; try again");
            db.reopen();
            for (auto& shard : shards) shard.reopen();
        } catch (const Xapian::Error& e) {
            throw Error("cannot read database " + path + ": " + e.get_description());
        }
    }
}

constexpr std::size_t kExactTotalUpTo = 1000;

// A query that finds fewer articles than this gets a spelling suggestion, when there is one.
constexpr std::size_t kSuggestBelow = 3;
// Replacements tried per misspelt word, each costing an exact count of the corrected query.
constexpr std::size_t kSuggestionCandidates = 6;

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string joined;
    for (const auto& part : parts) joined += (joined.empty() ? "" : separator) + part;
    return joined;
}

}  // namespace

Searcher::Searcher(const std::string& db_path)
    : path_(db_path), db_(open_readable(db_path, shards_)), analyzer_(current_settings(db_, shards_, db_path)) {}

void Searcher::weigh(std::vector<MatchPattern>& patterns) const {
    const double docs = static_cast<double>(db_.get_doccount()) + 1.0;
    for (auto& p : patterns) {
        double weight = 0;
        for (const auto& set : p.sequence) {
            double tf = 0;
            for (const auto& term : set) tf += db_.get_termfreq(term);
            weight += std::log(1.0 + docs / (1.0 + tf));
        }
        p.weight = weight;
    }
}

ParsedQuery Searcher::parse(const SearchRequest& request) {
    QueryParser parser(analyzer_, database_vocabulary(db_, shards_, analyzer_), request.max_expansions);
    ParsedQuery parsed = parser.parse(request.query, request.mode);
    if (auto dates = date_limits_query(request.since, request.until)) {
        parsed.query = Xapian::Query(Xapian::Query::OP_FILTER, parsed.query, *dates);
    }
    return parsed;
}

std::optional<std::string> Searcher::suggest(const ParsedQuery& parsed, const SearchRequest& request,
                                             std::size_t found) {
    const Speller speller(db_);
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

SearchResults Searcher::run(const SearchRequest& request) {
    ParsedQuery parsed = parse(request);
    weigh(parsed.patterns);

    Xapian::Enquire enquire(db_);
    enquire.set_query(parsed.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());

    apply_sort_order(enquire, request.sort);

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
        enquire.add_matchspy(spies.back().get());
    }

    // Checking at least this many matches makes the total exact for small result sets and
    // the same whatever page is asked for. Facets count every match, so they check them all.
    auto check_at_least = static_cast<Xapian::doccount>(request.offset + request.limit + kExactTotalUpTo);
    if (!spies.empty()) check_at_least = std::max(check_at_least, db_.get_doccount());
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit),
                                               check_at_least);

    SearchResults results;
    results.query = request.query;
    results.total = mset.get_matches_estimated();
    results.offset = request.offset;
    SnippetBuilder snippets(analyzer_, request.snippet_chars);
    const MatchFinder finder(parsed.patterns);
    std::size_t rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = ++rank;
        hit.score = it.get_weight();
        hit.article = schema::decode_article(it.get_document().get_data());
        const std::string& text = hit.article.body.empty() ? hit.article.title : hit.article.body;
        hit.snippet = snippets.build(text, finder);
        results.hits.push_back(std::move(hit));
    }
    for (const auto& spy : spies) {
        results.facets.push_back(
            facet_result(spy->definition().name, spy->raw_counts(), analyzer_, request.facet_size));
    }
    results.warnings = std::move(parsed.warnings);
    if (request.suggest && results.total < kSuggestBelow) results.suggestion = suggest(parsed, request, results.total);
    return results;
}

SearchResults Searcher::run_count(const SearchRequest& request) {
    ParsedQuery parsed = parse(request);
    Xapian::Enquire enquire(db_);
    enquire.set_query(parsed.query);
    // No ranking is needed to count, and checking every document makes the count exact
    // rather than an estimate.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet mset = enquire.get_mset(0, 0, db_.get_doccount());
    SearchResults results;
    results.query = request.query;
    results.total = mset.get_matches_estimated();
    results.warnings = std::move(parsed.warnings);
    return results;
}

template <typename Attempt>
auto Searcher::retrying(Attempt&& attempt) {
    for (int tries = 1;; ++tries) {
        try {
            return attempt();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (tries == kRetries) throw Error("database " + path_ + " keeps changing; try again");
            db_.reopen();
            for (auto& shard : shards_) shard.reopen();
        } catch (const Xapian::DatabaseCorruptError& e) {
            // A block reused by a commit while it was being read looks corrupt; real damage persists.
            if (tries == kRetries) throw Error("search failed on database " + path_ + ": " + e.get_description());
            db_.reopen();
            for (auto& shard : shards_) shard.reopen();
        } catch (const Xapian::Error& e) {
            throw Error("search failed on database " + path_ + ": " + e.get_description());
        }
    }
}

SearchResults Searcher::search(const SearchRequest& request) {
    return retrying([&] { return run(request); });
}

SearchResults Searcher::count(const SearchRequest& request) {
    return retrying([&] { return run_count(request); });
}

DatabaseStats Searcher::stats() {
    return retrying([&] { return collect_stats(db_, path_, shards_.size(), analyzer_); });
}

std::vector<Article> Searcher::find_by_id(const std::string& id) {
    const std::string term = std::string(schema::kId) + analyzer_.normalize_value(id);
    std::vector<Article> exact, similar;
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
        Article article = schema::decode_article(db_.get_document(*it).get_data());
        (article.id == id ? exact : similar).push_back(std::move(article));
    }
    exact.insert(exact.end(), similar.begin(), similar.end());
    return exact;
}

}  // namespace newsdex
