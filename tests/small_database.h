// A database of a few articles, built in memory by the real DocumentBuilder, for unit tests
// of what reads documents back (facets, sort keys). Docids follow the order given, from 1.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "article/article.h"
#include "index/document_builder.h"

namespace newsdex::test {

inline Xapian::WritableDatabase small_database(const std::vector<Article>& articles) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Analyzer analyzer(AnalyzerSettings{});
    DocumentBuilder builder(analyzer, nullptr);
    for (std::size_t i = 0; i < articles.size(); ++i) {
        Article article = articles[i];
        if (article.path.empty()) article.path = "a.jsonl#" + std::to_string(i + 1);
        if (article.id.empty()) article.id = article.path;
        db.add_document(builder.build(article, "root:a.jsonl"));
    }
    return db;
}

}  // namespace newsdex::test
