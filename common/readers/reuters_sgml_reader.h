// Reuters-21578 (.sgm): after <!DOCTYPE lewis SYSTEM "lewis.dtd">, many <REUTERS … NEWID="n">
// stories a file. NEWID is the id and DATE the date; the <D> items of TOPICS, PLACES, ORGS and
// EXCHANGES are topics, places and organisations (an exchange is an organisation; PEOPLE and
// COMPANIES are not kept). Inside TEXT, TITLE is the title, AUTHOR the author and BODY the body;
// BRIEF and UNPROC texts have no BODY, so the rest of their TEXT is the body.
#pragma once

#include "readers/reader.h"

namespace newsdex {

class ReutersSgmlReader : public Reader {
public:
    // Records are the <REUTERS> stories, numbered from 1 in file order.
    void read(std::string_view text, std::string_view file, const ArticleSink& sink,
              Diagnostics& diag) const override;
    // A run of whole records of a large file (readers/record_stream.h).
    std::size_t read_records(std::string_view text, std::string_view file, Start start,
                             const ArticleSink& sink, Diagnostics& diag) const override;
};

}  // namespace newsdex
