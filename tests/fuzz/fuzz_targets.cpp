#include "fuzz_targets.h"

namespace newsdex::fuzz {

const std::vector<Target>& targets() {
    static const std::vector<Target> all = {
        {"text", text_target},
        {"markdown", markdown_target},
        {"json", json_target},
        {"jsonl", jsonl_target},
        {"html", html_target},
        {"feed", feed_target},
        {"nitf", nitf_target},
        {"xml", xml_target},
        {"trec", trec_target},
        {"reuters", reuters_target},
        {"warc", warc_target},
        {"archive", archive_target},
        {"compressed", compressed_target},
        {"records", records_target},
        {"encoding", encoding_target},
        {"date", date_target},
        {"query", query_target},
        {"analyzer", analyzer_target},
    };
    return all;
}

const Target* find_target(std::string_view name) {
    for (const auto& target : targets()) {
        if (target.name == name) return &target;
    }
    return nullptr;
}

}  // namespace newsdex::fuzz
