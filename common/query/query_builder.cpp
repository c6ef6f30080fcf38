#include "query/query_builder.h"

#include <algorithm>
#include <optional>

#include "index/schema.h"
#include "query/date_filter.h"
#include "util/errors.h"

namespace newsdex::query {

namespace {

std::string at(std::size_t column) { return " at column " + std::to_string(column); }

// A built subquery; `boolean` when it only filters (metadata fields, dates), so the
// enclosing AND applies it with OP_FILTER instead of letting it weigh.
struct Built {
    Xapian::Query query;
    bool boolean = false;
};

// One position of a phrase or NEAR operand: the terms that may stand there.
using Slot = std::vector<std::string>;

Xapian::Query any_of(const Slot& terms, Xapian::Query::op op) {
    if (terms.empty()) return Xapian::Query::MatchNothing;
    if (terms.size() == 1) return Xapian::Query(terms.front());
    return Xapian::Query(op, terms.begin(), terms.end());
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    return parts.size() == 1 ? parts.front() : Xapian::Query(op, parts.begin(), parts.end());
}

std::string with_prefix(std::string_view prefix, const std::string& term) {
    std::string out(prefix);
    out += term;
    return out;
}

class Builder {
public:
    Builder(Analyzer& analyzer, const QueryVocabulary& vocabulary, MatchMode mode, std::size_t max_expansions)
        : analyzer_(analyzer), vocabulary_(vocabulary), mode_(mode), max_expansions_(max_expansions) {}

    ParsedQuery result;

    std::optional<Built> build(const Node& node, const std::string& field) {
        switch (node.kind) {
            case NodeKind::word:
            case NodeKind::phrase: return leaf(node, node.leaf.field.empty() ? field : node.leaf.field);
            case NodeKind::any: return any(node, field);
            case NodeKind::all: return all(node, node.field.empty() ? field : node.field);
            case NodeKind::near: return near(node, field);
            case NodeKind::required: return build(node.children.front(), field);
            case NodeKind::excluded: {
                Node wrapper{NodeKind::all, node.column};
                wrapper.children.push_back(node);
                return all(wrapper, field);
            }
        }
        return std::nullopt;
    }

private:
    Analyzer& analyzer_;
    const QueryVocabulary& vocabulary_;
    MatchMode mode_;
    std::size_t max_expansions_;
    int exclusion_depth_ = 0;  // no highlights or spelling for what a query excludes

    bool positive() const { return exclusion_depth_ == 0; }

    void add_pattern(std::vector<Slot> sequence) {
        if (!positive() || sequence.empty()) return;
        for (auto& set : sequence) std::sort(set.begin(), set.end());
        result.patterns.push_back(MatchPattern{std::move(sequence), 1.0});
    }

    void add_word(std::size_t begin, std::size_t end, std::string prefix, std::string term, bool quoted) {
        if (positive()) result.words.push_back({begin, end, std::move(prefix), std::move(term), quoted});
    }

    // The indexed terms starting with `prefix`, capped, with a warning when the cap cut them.
    Slot expand_prefix(const std::string& prefix, const Lexeme& lx) {
        PrefixMatches matches = vocabulary_.terms_with_prefix(prefix, max_expansions_);
        if (matches.total > matches.terms.size()) {
            result.warnings.push_back("'" + lx.text + "*'" + at(lx.column) + " matches " +
                                      std::to_string(matches.total) + " terms; searching the " +
                                      std::to_string(matches.terms.size()) + " most frequent");
        }
        return std::move(matches.terms);
    }

    static std::vector<std::string> strip(const Slot& terms, std::size_t prefix_size) {
        std::vector<std::string> out;
        for (const auto& t : terms) out.push_back(t.substr(prefix_size));
        return out;
    }

    // ---- text words and phrases (no field, or title:) -------------------------------------

    // The slots of a word or phrase of text: one per token. A keyword's single slot holds
    // its stem forms; a phrase's slots hold the words as written; a wildcard's last slot
    // holds the words it expands to. Also records highlights and spelling candidates.
    std::vector<Slot> text_slots(const Lexeme& lx, std::string_view prefix, bool keyword) {
        const std::vector<Token> tokens = analyzer_.tokens(lx.text);
        std::vector<Slot> slots;
        std::vector<Slot> pattern;
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            const Token& t = tokens[k];
            if (lx.wildcard && k + 1 == tokens.size()) {
                Slot expanded = expand_prefix(with_prefix(prefix, t.term), lx);
                pattern.push_back(strip(expanded, prefix.size()));
                slots.push_back(std::move(expanded));
                continue;
            }
            Slot words = keyword && tokens.size() == 1 ? vocabulary_.forms(t.term) : Slot{t.term};
            pattern.push_back(words);
            for (auto& w : words) w = with_prefix(prefix, w);
            slots.push_back(std::move(words));
            add_word(lx.begin + t.begin, lx.begin + t.end, "", t.term, lx.kind == Kind::phrase);
        }
        if (lx.kind == Kind::phrase && lx.has_number) {
            for (auto& set : pattern) add_pattern({set});  // any order: each word on its own
        } else {
            add_pattern(std::move(pattern));
        }
        return slots;
    }

    static Xapian::Query phrase_of(const std::vector<Slot>& slots) {
        std::vector<Xapian::Query> parts;
        for (const auto& slot : slots) {
            if (slot.empty()) return Xapian::Query::MatchNothing;  // a wildcard that matched nothing
            parts.push_back(any_of(slot, Xapian::Query::OP_OR));
        }
        return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), static_cast<Xapian::termcount>(parts.size()));
    }

    std::optional<Built> text(const Lexeme& lx, std::string_view prefix) {
        const bool keyword = lx.kind == Kind::word;
        const std::vector<Slot> slots = text_slots(lx, prefix, keyword);
        if (slots.empty()) return std::nullopt;  // only punctuation
        if (slots.size() == 1) return Built{any_of(slots.front(), Xapian::Query::OP_SYNONYM)};
        if (lx.kind == Kind::phrase && lx.has_number) {
            std::vector<Xapian::Query> parts;
            for (const auto& slot : slots) {
                if (slot.empty()) return Built{Xapian::Query::MatchNothing};
                parts.push_back(any_of(slot, Xapian::Query::OP_OR));
            }
            const auto window = static_cast<Xapian::termcount>(slots.size() + lx.number);
            return Built{Xapian::Query(Xapian::Query::OP_NEAR, parts.begin(), parts.end(), window)};
        }
        return Built{phrase_of(slots)};  // 20-year-old, 北京, "north korea"
    }

    // ---- metadata fields and dates ------------------------------------------------------------

    Built metadata(const Lexeme& lx, const schema::Field& field) {
        if (lx.has_number) {
            throw QueryError("'~' after " + std::string(field.name) + ":" + at(lx.column) +
                                 " applies to phrases of text only", lx.column);
        }
        const std::string value = field.name == "lang" ? schema::canonical_language(lx.text)
                                                       : analyzer_.normalize_value(lx.text);
        if (value.empty()) {
            throw QueryError("field '" + std::string(field.name) + "'" + at(lx.column) +
                                 " needs a value: a word or a \"phrase\"", lx.column);
        }
        const std::string term = with_prefix(field.prefix, value);
        Xapian::Query query;
        if (lx.wildcard) {
            query = any_of(expand_prefix(term, lx), Xapian::Query::OP_OR);
        } else {
            query = Xapian::Query(term);
            if (field.name != "id" && field.name != "lang") {
                add_word(lx.begin, lx.end, std::string(field.prefix), value, lx.kind == Kind::phrase);
            }
        }
        result.constrained = true;
        return Built{Xapian::Query(0.0, query), true};
    }

    Built date(const Lexeme& lx) {
        if (lx.wildcard || lx.has_number) {
            throw QueryError("date:" + at(lx.column) + " takes a date or a range, as in date:2024-11..2025-01-31",
                             lx.column);
        }
        result.constrained = true;
        return Built{Xapian::Query(0.0, date_field_query(lx.text, lx.column)), true};
    }

    std::optional<Built> leaf(const Node& node, const std::string& field_name) {
        const Lexeme& lx = node.leaf;
        if (field_name.empty()) return text(lx, "");
        if (field_name == "date") return date(lx);
        const schema::Field* field = schema::find_field(field_name);
        if (field->kind == schema::FieldKind::free_text) return text(lx, field->prefix);
        return metadata(lx, *field);
    }

    // ---- operators ------------------------------------------------------------------------------

    std::optional<Built> any(const Node& node, const std::string& field) {
        std::vector<Xapian::Query> parts;
        bool boolean = true;
        for (const auto& child : node.children) {
            if (child.kind == NodeKind::excluded) {
                throw QueryError("an exclusion" + at(child.column) +
                                     " cannot be an alternative of OR; exclude outside the OR "
                                     "group, as in '(a OR b) -c'", child.column);
            }
            if (auto built = build(child, field)) {
                parts.push_back(std::move(built->query));
                boolean = boolean && built->boolean;
            }
        }
        if (parts.empty()) return std::nullopt;
        return Built{combine(Xapian::Query::OP_OR, parts), boolean};
    }

    std::optional<Built> all(const Node& node, const std::string& field) {
        std::vector<Xapian::Query> required, optional, filters, excluded;
        std::size_t first_exclusion = 0;
        for (const auto& child : node.children) {
            if (child.kind == NodeKind::excluded) {
                if (first_exclusion == 0) first_exclusion = child.column;
                ++exclusion_depth_;
                auto built = build(child.children.front(), field);
                --exclusion_depth_;
                if (built) excluded.push_back(std::move(built->query));
                continue;
            }
            auto built = build(child, field);
            if (!built) continue;
            if (built->boolean) filters.push_back(std::move(built->query));
            else if (child.kind == NodeKind::required || mode_ == MatchMode::all) required.push_back(std::move(built->query));
            else optional.push_back(std::move(built->query));
        }
        if (required.empty() && optional.empty() && filters.empty()) {
            if (!excluded.empty()) {
                throw QueryError("a query made only of exclusions (from column " + std::to_string(first_exclusion) +
                                     ") matches nothing: add a word or phrase to search for, as in 'oil -crude'",
                                 first_exclusion);
            }
            return std::nullopt;
        }
        std::optional<Xapian::Query> weighted;
        if (!required.empty()) weighted = combine(Xapian::Query::OP_AND, required);
        if (!optional.empty()) {
            const Xapian::Query either = combine(Xapian::Query::OP_OR, optional);
            weighted = weighted ? Xapian::Query(Xapian::Query::OP_AND_MAYBE, *weighted, either) : either;
        }
        if (!excluded.empty()) result.constrained = true;
        Built out;
        if (filters.empty()) {
            out.query = *weighted;
        } else {
            const Xapian::Query filter = combine(Xapian::Query::OP_AND, filters);
            out.query = weighted ? Xapian::Query(Xapian::Query::OP_FILTER, *weighted, filter) : filter;
            out.boolean = !weighted;
        }
        if (!excluded.empty()) {
            out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, out.query, combine(Xapian::Query::OP_OR, excluded));
        }
        return out;
    }

    // An operand of NEAR: its slots, and the phrase it must also be when it has several.
    struct NearOperand {
        std::vector<Slot> slots;
        std::optional<Xapian::Query> phrase;
    };

    NearOperand near_operand(const Node& node, const std::string& context, std::size_t op_column) {
        const std::string field = node.kind == NodeKind::word || node.kind == NodeKind::phrase
                                      ? (node.leaf.field.empty() ? context : node.leaf.field)
                                      : "";
        const bool text_field = field.empty() || field == "title";
        if ((node.kind != NodeKind::word && node.kind != NodeKind::phrase) || !text_field || node.leaf.has_number) {
            throw QueryError("NEAR" + at(op_column) +
                                 " joins words or phrases of the text (or of title:), not groups or filters",
                             op_column);
        }
        const std::string_view prefix = field.empty() ? std::string_view() : schema::kTitle;
        NearOperand operand;
        operand.slots = text_slots(node.leaf, prefix, node.kind == NodeKind::word);
        if (operand.slots.size() > 1) operand.phrase = phrase_of(operand.slots);
        return operand;
    }

    // a NEAR/N b: both within a window of their lengths plus N positions, in either order.
    // Xapian's NEAR takes single terms (or ORs of terms) only, so a phrase operand's words
    // go into the window and the phrase itself is required beside it. A chain a NEAR b NEAR c
    // requires each neighbouring pair to be near.
    std::optional<Built> near(const Node& node, const std::string& field) {
        std::vector<NearOperand> operands;
        for (std::size_t k = 0; k < node.children.size(); ++k) {
            const std::size_t op_column = node.gaps[k == 0 ? 0 : k - 1].column;
            operands.push_back(near_operand(node.children[k], field, op_column));
        }
        std::vector<Xapian::Query> parts;
        for (std::size_t k = 0; k + 1 < operands.size(); ++k) {
            const auto& a = operands[k];
            const auto& b = operands[k + 1];
            if (a.slots.empty() || b.slots.empty()) continue;  // punctuation only
            std::vector<Xapian::Query> terms;
            bool empty_slot = false;
            for (const auto* operand : {&a, &b}) {
                for (const auto& slot : operand->slots) {
                    empty_slot = empty_slot || slot.empty();
                    terms.push_back(any_of(slot, Xapian::Query::OP_OR));
                }
            }
            if (empty_slot) return Built{Xapian::Query::MatchNothing};
            const auto window = static_cast<Xapian::termcount>(a.slots.size() + b.slots.size() + node.gaps[k].distance);
            parts.push_back(Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(), window));
        }
        for (const auto& operand : operands) {
            if (operand.phrase) parts.push_back(*operand.phrase);
        }
        if (parts.empty()) return std::nullopt;
        return Built{combine(Xapian::Query::OP_AND, parts)};
    }
};

}  // namespace

ParsedQuery build_query(const Node& root, Analyzer& analyzer, const QueryVocabulary& vocabulary,
                        MatchMode mode, std::size_t max_expansions) {
    Builder builder(analyzer, vocabulary, mode, max_expansions);
    std::optional<Built> built = builder.build(root, "");
    if (!built) throw QueryError("the query has no words to search for", 0);
    builder.result.query = std::move(built->query);
    return std::move(builder.result);
}

}  // namespace newsdex::query
