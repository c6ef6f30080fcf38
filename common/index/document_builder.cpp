#include "index/document_builder.h"

#include <algorithm>

#include "analysis/token_spans.h"
#include "index/near_duplicates.h"
#include "index/schema.h"

namespace newsdex {

namespace {
constexpr std::size_t kMaxXapianTermBytes = 240;  // Xapian's limit is 245 bytes per term

// A value as the slot keeps it: as written, but never containing the slot's separator.
std::string slot_value(const std::string& value) {
    std::string out = value;
    for (char& c : out) {
        if (c == schema::kValueSeparator) c = ' ';
    }
    return out;
}

}  // namespace

// The slot of a multi-valued field holds each value once up to normalisation, so a facet
// counts an article once for "Cocoa" and "cocoa", as the boolean term does. Values that
// normalise to nothing have no term either and are left out.
std::string DocumentBuilder::distinct_values(const std::vector<std::string>& values) const {
    std::vector<std::string> kept;
    std::vector<std::string> seen;
    for (const auto& value : values) {
        std::string key = analyzer_.normalize_value(value);
        if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(std::move(key));
        kept.push_back(slot_value(value));
    }
    return schema::join_values(kept);
}

void DocumentBuilder::add_values(Xapian::Document& doc, const Article& article) const {
    const auto add = [&doc](Xapian::valueno slot, const std::string& value) {
        if (!value.empty()) doc.add_value(slot, value);
    };
    if (!analyzer_.normalize_value(article.source).empty()) add(schema::kSourceSlot, slot_value(article.source));
    add(schema::kAuthorsSlot, distinct_values(article.authors));
    add(schema::kTopicsSlot, distinct_values(article.topics));
    add(schema::kPlacesSlot, distinct_values(article.places));
    add(schema::kOrganisationsSlot, distinct_values(article.organisations));
    if (!article.language.empty()) add(schema::kLanguageSlot, schema::canonical_language(article.language));
    const std::optional<std::int64_t> seconds =
        article.date ? std::optional(article.date->unix_seconds) : std::nullopt;
    doc.add_value(schema::kOldestFirstSlot, schema::date_sort_key(seconds, false));
    doc.add_value(schema::kNewestFirstSlot, schema::date_sort_key(seconds, true));
    if (article.date) {
        doc.add_value(schema::kDateSlot,
                      Xapian::sortable_serialise(static_cast<double>(article.date->unix_seconds)));
        add(schema::kDateLabelSlot, schema::date_label(*article.date));
    }
}

// The group itself is chosen by the grouping pass at the end of the run, which sees every
// shard's committed articles; here the article only gets its signature and the mark. No band
// terms: they were unique to their article nearly always, and cost a posting list each; the
// pass finds candidates from the signatures themselves. An empty body has no signature and
// never joins a group.
void DocumentBuilder::add_signature(Xapian::Document& doc, const near_duplicates::Signature& signature) {
    if (signature.kind == near_duplicates::Signature::Kind::none) return;
    doc.add_value(schema::kSignatureSlot, near_duplicates::encode(signature));
    doc.add_value(schema::kUngroupedSlot, "1");
}

void DocumentBuilder::add_boolean(Xapian::Document& doc, std::string_view prefix,
                                  const std::string& value) {
    const std::string normalised = analyzer_.normalize_value(value);
    if (normalised.empty()) return;
    std::string term(prefix);
    term += normalised;
    if (term.size() <= kMaxXapianTermBytes) doc.add_boolean_term(term);
    // The value's words are searchable as plain keywords and phrases too ("abu dhabi", 北京 is
    // a phrase of its characters), each value in its own position range after the body so no
    // phrase joins two values or a value and the text: an article with no text is still found
    // by its metadata. Unless --metadata-text no keeps the labels out of the words.
    if (!analyzer_.settings().metadata_text) return;
    next_metadata_pos_ += kValueGap;
    analyzer_.analyze(value, [&](const Token& t) {
        doc.add_posting(t.term, next_metadata_pos_ + t.position);
        last_pos_ = next_metadata_pos_ + t.position;
    });
    next_metadata_pos_ = last_pos_ + 1;
}

Xapian::Document DocumentBuilder::build(const Article& article, const std::string& file_path) {
    Xapian::Document doc;
    const std::string title_prefix(schema::kTitle);
    // Positions of title words stay below the body's start so phrases cannot join them.
    constexpr Xapian::termpos kTitleMaxPos = schema::kBodyStart - 100;
    std::vector<token_spans::Span> spans;
    analyzer_.analyze(article.title, [&](const Token& t) {
        spans.push_back({t.begin, t.end});
        const Xapian::termpos pos = schema::kTitleStart + t.position;
        if (pos < kTitleMaxPos) {
            doc.add_posting(t.term, pos, schema::kTitleWdf);
            doc.add_posting(title_prefix + t.term, pos);
        } else {
            doc.add_term(t.term, schema::kTitleWdf);
            doc.add_term(title_prefix + t.term);
        }
    });
    last_pos_ = schema::kBodyStart;
    near_duplicates::SignatureBuilder signature;
    std::string token_spans_value;
    token_spans::append(spans, token_spans_value);
    spans.clear();
    analyzer_.analyze(article.body, [&](const Token& t) {
        spans.push_back({t.begin, t.end});
        last_pos_ = schema::kBodyStart + t.position;
        doc.add_posting(t.term, last_pos_);
        signature.add(t.term);
    });
    next_metadata_pos_ = last_pos_ + 1;
    token_spans::append(spans, token_spans_value);
    doc.add_value(schema::kTokenSpansSlot, token_spans_value);

    add_boolean(doc, schema::kSource, article.source);
    for (const auto& author : article.authors) add_boolean(doc, schema::kAuthor, author);
    for (const auto& topic : article.topics) add_boolean(doc, schema::kTopic, topic);
    for (const auto& place : article.places) add_boolean(doc, schema::kPlace, place);
    for (const auto& org : article.organisations) add_boolean(doc, schema::kOrganisation, org);
    if (!article.language.empty()) {
        doc.add_boolean_term(std::string(schema::kLanguage) + schema::canonical_language(article.language));
    }

    const std::string id_term = std::string(schema::kId) + analyzer_.normalize_value(article.id);
    if (id_term.size() <= kMaxXapianTermBytes) doc.add_boolean_term(id_term);
    const std::string file_term = std::string(schema::kFile) + file_path;
    if (file_term.size() <= kMaxXapianTermBytes) doc.add_boolean_term(file_term);
    const std::string key = schema::article_key(file_path, article.path, article.id);
    doc.add_boolean_term(key);
    doc.add_value(schema::kArticleKeySlot, schema::article_key_hash(key));

    add_values(doc, article);  // the date too: date filters are ranges over its slot
    add_signature(doc, signature.finish());
    if (stems_ != nullptr) {
        // Once per distinct word rather than per occurrence: the document's term list is
        // already de-duplicated. Prefixed terms start with an upper-case ASCII letter, which
        // normalised words never do.
        for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
            const std::string& term = *it;
            if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) stems_->add(term);
        }
    }
    doc.set_data(schema::encode_article(article));
    return doc;
}

}  // namespace newsdex
