#include "eval/run_from_results.h"

#include <set>
#include <string>

#include "output/printer.h"

namespace newsdex::eval {

std::vector<Retrieved> retrieved_from(const SearchResults& results) {
    std::vector<Retrieved> retrieved;
    std::set<std::string> seen;
    for (const auto& hit : results.hits) {
        std::string docno = trec_docno(hit.article.id);
        // trec_eval stops on a docno listed twice for one query; ids are unique only by choice.
        if (seen.insert(docno).second) retrieved.push_back({std::move(docno), hit.score});
    }
    return retrieved;
}

}  // namespace newsdex::eval
