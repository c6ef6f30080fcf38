// The jsonl printer writes hit lines straight to text (json::hit_line_text); the Python
// module and the json format build Values (json::hit_line). Both must give the same bytes.
#include <gtest/gtest.h>

#include "output/json_values.h"

namespace newsdex {
namespace {

Hit make_hit(const std::string& text, double score) {
    Hit hit;
    hit.rank = 3;
    hit.score = score;
    hit.article.id = "id-" + text;
    hit.article.title = text;
    hit.article.source = "Harbor \"Wire\"";
    hit.article.path = "dir\\file.json#2";
    hit.article.authors = {"Ann", text, ""};
    hit.article.topics = {};
    hit.article.places = {"zürich"};
    hit.snippet.text = "… " + text + " …";
    hit.snippet.highlights = {{2, 5}, {7, 12}, {1234567, 1234568}};
    return hit;
}

TEST(JsonValues, HitLineTextIsTheDumpedValue) {
    using namespace std::string_literals;
    const std::vector<std::string> texts = {
        "",
        "plain words",
        "quote \" backslash \\ slash / tab \t newline \n return \r feed \f back \b",
        // An s literal keeps the embedded NUL at the literal's own length (a count written by
        // hand, 33 for 27 bytes, read past its end: ASan's global-buffer-overflow).
        "nul \0 unit \x1f escape \x1b del \x7f"s,
        "Zürich 東京 Ελληνικά 👍🏽 \u2028 \u00a0",
        "bad \xff byte \xc3 cut",
        "surrogate \xed\xa0\x80 overlong \xc0\xaf beyond \xf4\x90\x80\x80",
    };
    const std::vector<double> scores = {0.0, 14.0, 13.97474, 1e-5, 123456.789, 7.00005, 1e21};
    for (const auto& text : texts) {
        for (const double score : scores) {
            Hit hit = make_hit(text, score);
            for (int variant = 0; variant < 4; ++variant) {
                SearchResults results;
                results.query = "q \"" + text + "\"";
                if (variant & 1) results.qid = variant == 1 ? "" : "T17";
                if (variant & 2) hit.copies = 4;
                hit.article.date = variant == 0 ? std::nullopt
                                                : std::optional(ArticleDate{536457600, static_cast<DatePrecision>(variant % 4)});
                EXPECT_EQ(json::hit_line_text(results, hit), json::dump(json::hit_line(results, hit)))
                    << "text " << text << " score " << score << " variant " << variant;
            }
        }
    }
}

TEST(JsonValues, HitLineKeysInTheDocumentedOrder) {
    SearchResults results;
    results.query = "oil";
    const Hit hit = make_hit("Oil", 1.5);
    EXPECT_EQ(json::hit_line_text(results, hit),
              R"({"query":"oil","rank":3,"id":"id-Oil","score":1.5,"title":"Oil","date":null,)"
              R"("source":"Harbor \"Wire\"","path":"dir\\file.json#2","url":null,"authors":["Ann","Oil",""],)"
              R"("language":null,"topics":[],"places":["zürich"],"organisations":[],"snippet":"… Oil …",)"
              R"("highlights":[[2,5],[7,12],[1234567,1234568]]})");
}

}  // namespace
}  // namespace newsdex
