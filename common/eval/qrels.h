// TREC relevance judgements (qrels): reading the file trec_eval reads, with an error that
// names the file and line for any line trec_eval could not use. A judgement > 0 is relevant
// and is the gain nDCG uses; 0 or below is judged not relevant.
#pragma once

#include <istream>
#include <map>
#include <string>

namespace newsdex::eval {

struct Judgements {
    // qid -> (docno -> relevance). Every qid of the file is here, also one whose documents
    // were all judged not relevant: with -c trec_eval averages over it too.
    std::map<std::string, std::map<std::string, int>> queries;

    // nullptr when the qid has no judgements.
    const std::map<std::string, int>* find(const std::string& qid) const;
};

// Lines are `qid iter docno rel`, fields separated by any white space (a line may end in
// CR); iter is ignored; blank lines are skipped (trec_eval 9 refuses them; runs of
// trec_eval accept them, and a trailing blank line is common). Throws newsdex::Error
// "NAME:LINE: ..." for a line without exactly four fields, a rel that is not a decimal
// integer within int, or a docno judged twice for one qid (trec_eval 9 stops with
// "duplicate docs" on such a query, so no value exists to copy).
Judgements parse_qrels(std::istream& in, const std::string& name);

// As parse_qrels on the file; Error "cannot read qrels file PATH" when it cannot be opened
// or read.
Judgements read_qrels(const std::string& path);

}  // namespace newsdex::eval
