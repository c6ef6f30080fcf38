// The settings that decide which terms text turns into. They are part of the database: the
// indexer writes them into its metadata and the searcher reads them back, so a query is always
// analysed exactly as the articles were.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include <xapian.h>

namespace newsdex {

// Version of the database layout (schema, term forms, stored data). Bumped whenever a database
// written by an older build would be searched wrongly by this one.
// 2: value slots for source, authors, topics, places, organisations, language and date label
// (facets; see index/schema.h).
// 3: copy groups (near-duplicate signature and group slots, band, group and marker terms; see
// index/copy_groups.h) and the newsdex.metadata_text setting.
// 4: no band terms (XB); the grouping pass finds an earlier run's copies by reading the
// signature slot. A format 3 database would keep its band terms for nothing, and its articles
// would still be found as candidates (the signatures are the same), but its size and its term
// list would not be those of a database this build makes: rebuild rather than mix the two.
// 5: the date orders' sort keys in value slots 12 and 13 (index/schema.h), so that remote
// parts can sort by date (a Xapian server runs no key maker of ours).
// 6: a hash of the unique key in value slot 14, so that an article in two parts is shown once
// without a term list read per match (a round trip each over a remote part).
inline constexpr int kDatabaseFormat = 6;

struct AnalyzerSettings {
    std::string language = "english";  // a Snowball stemmer name known to Xapian, or "none"
    bool fold_accents = true;
    // Whether the words of source, authors, topics, places and organisations are searchable as
    // keywords too. Off for studies where those labels are the judgements: they stay boolean
    // filter terms and facet slots.
    bool metadata_text = true;

    friend bool operator==(const AnalyzerSettings&, const AnalyzerSettings&) = default;
};

// Throws Error naming the available languages when `language` is not a stemmer Xapian knows.
void validate_language(const std::string& language);

// Writes the settings and kDatabaseFormat into the database's metadata.
void write_settings(Xapian::WritableDatabase& db, const AnalyzerSettings& settings);

// Reads them back. Throws Error when the database was not made by Newsdex or by a build with
// another kDatabaseFormat. Returns nullopt-like `false` via has_settings for an empty new db.
AnalyzerSettings read_settings(const Xapian::Database& db, const std::string& db_path);

// True when the database carries Newsdex settings (false for a freshly created, empty one).
bool has_settings(const Xapian::Database& db);

// Throws Error saying which setting differs ("database was indexed with --language english,
// not --language french"), for re-indexing with other settings.
void check_same_settings(const AnalyzerSettings& stored, const AnalyzerSettings& wanted,
                         const std::string& db_path);

// The first setting in which `a` and `b` differ, as each would be given to newsdex-index
// ("--language english", "--language french"); nullopt when they agree.
std::optional<std::pair<std::string, std::string>> settings_difference(const AnalyzerSettings& a,
                                                                     const AnalyzerSettings& b);

}  // namespace newsdex
