// The database schema, in one place: term prefixes, value slots and the stored-data format.
// The document builder writes with it and the searcher reads with it, so the two cannot drift.
// docs/architecture.md describes the same table for people.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "article/article.h"

namespace newsdex::schema {

// Term prefixes.
inline constexpr std::string_view kUniqueKey = "Q";  // Q<path>\x1f<id>: one document per article
inline constexpr std::string_view kId = "I";         // I<id, normalised value>
inline constexpr std::string_view kFile = "P";       // P<file key>: every article of a file
inline constexpr std::string_view kTitle = "S";      // S<term>, positional: title words
inline constexpr std::string_view kSource = "XS";    // boolean filters, whole normalised value
inline constexpr std::string_view kAuthor = "A";
inline constexpr std::string_view kTopic = "K";
inline constexpr std::string_view kPlace = "XP";
inline constexpr std::string_view kOrganisation = "XO";
inline constexpr std::string_view kLanguage = "L";
// Body and title words are also indexed without prefix, positional, for keyword and phrase
// search; title words there with a higher wdf so title matches rank higher.

// A field the query language and the indexer share (notmuch's prefix table, in spirit).
enum class FieldKind { free_text, boolean };
struct Field {
    std::string_view name;    // as typed in queries: "title", "source", ...
    std::string_view prefix;
    FieldKind kind;
};
const std::vector<Field>& fields();
const Field* find_field(std::string_view name);

// Value slots: what sorting and facets read per matching document (terms only say whether a
// document has a value, not which one it has). Absent when the article has no such value.
inline constexpr Xapian::valueno kDateSlot = 0;           // Xapian::sortable_serialise(unix seconds)
inline constexpr Xapian::valueno kSourceSlot = 1;         // the source as written
inline constexpr Xapian::valueno kAuthorsSlot = 2;        // multi-valued, see join_values()
inline constexpr Xapian::valueno kTopicsSlot = 3;         // multi-valued
inline constexpr Xapian::valueno kPlacesSlot = 4;         // multi-valued
inline constexpr Xapian::valueno kOrganisationsSlot = 5;  // multi-valued
inline constexpr Xapian::valueno kLanguageSlot = 6;       // canonical code, as in the L term
inline constexpr Xapian::valueno kDateLabelSlot = 7;      // date_label(): "YYYY", "YYYY-MM" or "YYYY-MM-DD"
// The copy group: 16 hex digits, the same for every near-copy of a story (for
// Enquire::set_collapse_key). Absent for an empty body and until the grouping pass has run.
inline constexpr Xapian::valueno kGroupSlot = 8;
// near_duplicates::encode(); absent for an empty body. The grouping pass reads it as a value
// stream to find an earlier run's copies of new articles (there are no band terms).
inline constexpr Xapian::valueno kSignatureSlot = 9;
// "1" on a new or replaced article with a body until the grouping pass is done with it. A slot,
// not a term: the pass finds the marked articles by the slot's value stream, and removing a
// value rewrites no posting list.
inline constexpr Xapian::valueno kUngroupedSlot = 10;
// The byte spans of the title's and the body's tokens (analysis/token_spans.h), so snippets and
// concordances rebuild the tokens without word breaking. Absent in databases made before it
// (they are re-analysed); the format is unchanged.
inline constexpr Xapian::valueno kTokenSpansSlot = 11;
// The sort keys of the date orders (search/sort_order.h), precomputed so that a remote part
// sorts by value: a Xapian server runs no key maker of ours. See date_sort_key(). Every
// article has both, dated or not.
inline constexpr Xapian::valueno kOldestFirstSlot = 12;
inline constexpr Xapian::valueno kNewestFirstSlot = 13;
// A hash of the article's unique term (article_key_hash()), so that the searcher tells copies
// of one article in several parts apart by a value of the document it has fetched anyway,
// rather than by reading each match's term list: a round trip to a remote part each.
inline constexpr Xapian::valueno kArticleKeySlot = 14;

// Multi-valued slots hold their values as written, joined with this byte (the ASCII unit
// separator, which no metadata value contains: the builder replaces it with a space).
inline constexpr char kValueSeparator = '\x1f';
std::string join_values(const std::vector<std::string>& values);
// The values of a multi-valued slot; empty for an empty slot.
std::vector<std::string_view> split_values(std::string_view slot);

// The article's UTC calendar date to the precision its source gave: "1987", "1987-02" or
// "1987-02-26" (second precision gives the day too).
std::string date_label(const ArticleDate& date);

// Positions: title words from kTitleStart, body words from kBodyStart, so a phrase never runs
// from the end of the title into the body.
inline constexpr Xapian::termpos kTitleStart = 1;
inline constexpr Xapian::termpos kBodyStart = 1000;  // titles are far shorter; see builder
inline constexpr Xapian::termcount kTitleWdf = 3;    // title word weight relative to body

// A root (a folder given to newsdex-index, or a given file's folder) by its absolute path, as
// 16 hex digits: two roots holding the same relative paths never share files or articles.
std::string root_id(const std::string& absolute_root);

// How the index names a file: "<root id>:<path relative to the root>". The file term (P) and
// the file's recorded state use it; the article's unique key is built from it too.
std::string file_key(std::string_view root_id, std::string_view relative_path);

// The unique term of an article: its file and its id, so the same id in two files never
// collides and re-indexing a file replaces its articles. Long keys are shortened with a hash
// to stay under Xapian's term length limit.
std::string unique_term(std::string_view file_path, std::string_view id);

// What kArticleKeySlot holds for the unique term `key`: 8 bytes of a 64-bit hash.
std::string article_key_hash(std::string_view key);

// The unique term a stored document carries (its one Q term); "" when it has none.
std::string unique_term_of(const Xapian::Database& db, Xapian::docid doc);

// The unique term of an article of the file `file_key`: its root's id, its path and its id.
std::string article_key(std::string_view file_key, std::string_view article_path, std::string_view id);

// A date order's sort key, compared as bytes, ascending: 0x00 then the 8 big-endian bytes of
// the time offset so that times before 1970 sort first (inverted for newest first: every
// dated key has the same width), and "\x01" for an undated article, after every dated one
// in both orders.
std::string date_sort_key(std::optional<std::int64_t> unix_seconds, bool newest_first);

// Language as a short code: "English", "en-US", "EN" → "en"; unknown names kept lower-cased.
std::string canonical_language(std::string_view language);

// Stored document data: the whole article, compactly encoded.
std::string encode_article(const Article& article);
// Throws Error when the data is not in this format (a damaged or foreign database).
Article decode_article(std::string_view data);

}  // namespace newsdex::schema
