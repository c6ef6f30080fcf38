// The human format: a numbered block per hit, then one line saying which results were shown,
// a suggestion and facet tables; a bare number for --count; an aligned block for --stats.
// Escapes are written only when the caller resolved color on, so piped output stays plain text.
// Everything that comes from the data (titles, ids, paths, sources, snippets, facet values,
// bodies) goes through util/printable.h first: a title holding ESC [ 2 J must not clear the
// reader's screen, and only our own escapes reach the terminal.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "output/printer.h"
#include "eval/evaluation_output.h"
#include "output/timeline_output.h"
#include "util/printable.h"

namespace newsdex {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kReset = "\x1b[0m";

constexpr std::string_view kSeparator = " · ";
constexpr std::size_t kStatsLabelWidth = 10;
constexpr std::size_t kStatsRows = 20;  // values listed per --stats table in text

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string joined;
    for (const std::string& part : parts) {
        if (!joined.empty()) joined += separator;
        joined += part;
    }
    return joined;
}

// The date as a reader wants it: no seconds or zone, and no time at all unless the source
// gave one (a day-precision date is stored as midnight, which would be an invented time).
std::string display_date(const ArticleDate& date) {
    const std::string iso = format_date(date);  // "YYYY-MM-DDTHH:MM:SSZ" at second precision
    const std::size_t t = iso.find('T');
    if (date.precision != DatePrecision::second || t == std::string::npos) return iso;
    return iso.substr(0, t) + " " + iso.substr(t + 1, 5);
}

// Date, source and where to find the article; the URL is more useful than the path when known.
std::string meta_line(const Article& article) {
    std::vector<std::string> parts;
    if (article.date) parts.push_back(display_date(*article.date));
    if (!article.source.empty()) parts.push_back(printable(article.source));
    const std::string& location = article.url.empty() ? article.path : article.url;
    if (!location.empty()) parts.push_back(printable(location));
    return join(parts, kSeparator);
}

// Moves forward through UTF-8 text by code points. Highlights count code points, but escapes
// must go in at byte offsets, and one forward pass suffices because highlights are sorted.
class CodePointCursor {
public:
    explicit CodePointCursor(std::string_view text) : text_(text) {}

    // The byte offset of code point `target`, or the text's size when it is past the end.
    // Never moves backwards, so out-of-order input cannot produce out-of-range offsets.
    std::size_t advance_to(std::size_t target) {
        while (byte_ < text_.size() && code_point_ < target) {
            ++byte_;
            while (byte_ < text_.size() && is_continuation(text_[byte_])) ++byte_;
            ++code_point_;
        }
        return byte_;
    }

private:
    static bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

    std::string_view text_;
    std::size_t byte_ = 0;
    std::size_t code_point_ = 0;
};

std::string with_highlights(const Snippet& snippet) {
    const std::string& text = snippet.text;
    CodePointCursor cursor(text);
    std::string out;
    std::size_t copied = 0;
    for (const auto& [start, end] : snippet.highlights) {
        const std::size_t from = cursor.advance_to(start);
        const std::size_t to = cursor.advance_to(end);
        if (from >= to) continue;  // empty, or beyond the text
        // Escaped piece by piece: the highlights count code points of the unescaped text.
        out += printable(std::string_view(text).substr(copied, from - copied));
        out += kMatch;
        out += printable(std::string_view(text).substr(from, to - from));
        out += kReset;
        copied = to;
    }
    out += printable(std::string_view(text).substr(copied));
    return out;
}

// Counts right-aligned to the widest, then the value: a table that reads down both columns.
void write_counts(std::ostream& out, const std::vector<FacetCount>& counts) {
    if (counts.empty()) {
        out << "  (none)\n";
        return;
    }
    std::size_t width = 0;
    for (const auto& entry : counts) width = std::max(width, std::to_string(entry.count).size());
    for (const auto& entry : counts) {
        const std::string count = std::to_string(entry.count);
        out << "  " << std::string(width - count.size(), ' ') << count << "  " << printable(entry.value) << '\n';
    }
}

// "812 bytes", "1.6 MiB": one decimal is enough to compare databases at a glance.
std::string human_size(std::uintmax_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " bytes";
    constexpr std::string_view units[] = {"KiB", "MiB", "GiB", "TiB"};
    double size = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (size >= 1024.0 && unit + 1 < std::size(units)) {
        size /= 1024.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ", size);
    return text + std::string(units[unit]);
}

std::string day_of(std::int64_t unix_seconds) {
    return format_date(ArticleDate{unix_seconds, DatePrecision::day});
}

class TextPrinter final : public Printer {
public:
    TextPrinter(std::ostream& out, bool color, std::size_t width) : out_(out), color_(color), width_(width) {}

    // Nothing at all for no hits, like grep: the exit code (1) says that nothing matched.
    // A suggestion follows the hits (or stands alone); facet tables come last, printed when
    // any facet has a value, so a page past the end still shows them.
    void print_results(const SearchResults& results) override {
        if (!results.hits.empty()) {
            for (const Hit& hit : results.hits) print_hit(hit);
            out_ << "results " << results.hits.front().rank << "–" << results.hits.back().rank
                 << " of about " << results.total << '\n';
        }
        if (results.suggestion) out_ << "did you mean: " << printable(*results.suggestion) << '\n';
        const bool any_values = std::any_of(results.facets.begin(), results.facets.end(),
                                            [](const Facet& facet) { return !facet.values.empty(); });
        if (!any_values) return;
        bool first = results.hits.empty() && !results.suggestion;  // no blank line at the top
        for (const Facet& facet : results.facets) {
            if (!first) out_ << '\n';
            first = false;
            out_ << styled(facet.name, kBold) << '\n';
            write_counts(out_, facet.values);
        }
    }

    void print_count(const CountResult& count) override { out_ << count.count << '\n'; }

    // trec_eval's own layout, so tools that read trec_eval's output read ours.
    void print_evaluation(const eval::Evaluation& evaluation) override { out_ << eval::evaluation_text(evaluation); }

    // One line per occurrence; in a batch headed by the qid and query, like timelines.
    void print_concordance(const ConcordanceResults& c) override {
        if (c.qid) out_ << styled(printable(*c.qid + ": " + c.query), kBold) << '\n';
        for (const auto& article : c.articles) {
            const std::string id = printable(article.id);
            for (const auto& line : article.lines) {
                ConcordanceLine shown = line;
                shown.left = printable(line.left);
                shown.match = printable(line.match);
                shown.right = printable(line.right);
                out_ << concordance_text_line(shown, id, c.width, color_) << '\n';
            }
        }
        if (c.qid) out_ << '\n';
    }

    // The rows alone for one query; in a batch each timeline is headed by its qid and query
    // and followed by a blank line, so several read apart.
    void print_timeline(const TimelineResults& t) override {
        if (t.qid) out_ << styled(printable(*t.qid + ": " + t.query), kBold) << '\n';
        out_ << timeline_text(t.timeline, width_);
        if (t.qid) out_ << '\n';
    }

    void print_stats(const DatabaseStats& stats) override {
        const auto line = [this](std::string_view label, const std::string& value) {
            out_ << label << std::string(kStatsLabelWidth - label.size(), ' ') << value << '\n';
        };
        line("database", printable(stats.path));
        line("articles", std::to_string(stats.articles));
        line("dates", stats.earliest && stats.latest ? day_of(*stats.earliest) + " to " + day_of(*stats.latest)
                                                     : std::string("none"));
        line("undated", std::to_string(stats.undated));
        line("shards", std::to_string(stats.shards));
        const std::string exact = std::to_string(stats.bytes) + " bytes";
        line("size", stats.bytes < 1024 ? exact : human_size(stats.bytes) + " (" + exact + ")");
        line("analyzer", "language " + stats.language + ", accents " + stats.accents + ", metadata text " +
                             (stats.metadata_text ? "yes" : "no") + ", format " +
                             std::to_string(stats.format));
        if (stats.parts.size() > 1) {
            out_ << '\n' << styled("parts", kBold) << " (" << stats.parts.size() << ")\n";
            for (const PartStats& part : stats.parts) {
                out_ << "  " << printable(part.label) << ": " << part.articles << (part.articles == 1 ? " article, " : " articles, ") << part.shards
                     << (part.shards == 1 ? " shard" : " shards");
                if (part.bytes) out_ << ", " << (*part.bytes < 1024 ? std::to_string(*part.bytes) + " bytes" : human_size(*part.bytes));
                if (!part.of_collection.empty()) out_ << ", part " << part.of_collection << " of a collection";
                out_ << '\n';
            }
        }
        const std::pair<std::string_view, const std::vector<FacetCount>*> tables[] = {
            {"sources", &stats.sources}, {"languages", &stats.languages}, {"topics", &stats.topics}};
        for (const auto& [name, counts] : tables) {
            out_ << '\n' << styled(std::string(name), kBold) << " (" << counts->size() << ")\n";
            // A screenful: a news archive can hold thousands of topics. JSON lists them all.
            if (counts->size() <= kStatsRows) {
                write_counts(out_, *counts);
                continue;
            }
            write_counts(out_, std::vector<FacetCount>(counts->begin(), counts->begin() + kStatsRows));
            out_ << "  … " << counts->size() - kStatsRows << " more (--format json lists them all)\n";
        }
    }

    void print_article(const Article& article) override {
        const std::pair<std::string_view, std::string> headers[] = {
            {"Title", article.title},
            {"ID", article.id},
            {"Date", article.date ? format_date(*article.date) : std::string()},
            {"Source", article.source},
            {"Authors", join(article.authors, ", ")},
            {"URL", article.url},
            {"Path", article.path},
            {"Language", article.language},
            {"Topics", join(article.topics, ", ")},
            {"Places", join(article.places, ", ")},
            {"Organisations", join(article.organisations, ", ")},
        };
        for (const auto& [label, value] : headers) {
            if (!value.empty()) out_ << label << ": " << printable(value) << '\n';
        }
        out_ << '\n' << printable_text(article.body);
        if (!article.body.empty() && article.body.back() != '\n') out_ << '\n';
    }

private:
    void print_hit(const Hit& hit) {
        const Article& article = hit.article;
        const std::string number = std::to_string(hit.rank) + ". ";
        // Continuation lines align with the title, whatever the width of the rank.
        const std::string indent(number.size(), ' ');

        out_ << number << styled(article.title.empty() ? "(untitled)" : printable(article.title), kBold);
        if (hit.copies && *hit.copies > 0) {
            out_ << ' ' << styled("(+" + std::to_string(*hit.copies) + (*hit.copies == 1 ? " copy)" : " copies)"), kDim);
        }
        out_ << '\n';
        const std::string meta = meta_line(article);
        if (!meta.empty()) out_ << indent << styled(meta, kDim) << '\n';
        if (!hit.snippet.text.empty()) {
            out_ << indent << (color_ ? with_highlights(hit.snippet) : printable(hit.snippet.text)) << '\n';
        }
        out_ << '\n';
    }

    std::string styled(const std::string& text, std::string_view style) const {
        if (!color_) return text;
        std::string out(style);
        out += text;
        out += kReset;
        return out;
    }

    std::ostream& out_;
    bool color_;
    std::size_t width_;
};

}  // namespace

// Declared in printer.cpp, the only caller.
namespace detail {
std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color, std::size_t width) {
    return std::make_unique<TextPrinter>(out, color, width);
}
}  // namespace detail

}  // namespace newsdex
