// The record splitters that read large files a record at a time (readers/record_stream.h),
// over bytes that arrive a few at a time: every split ends, a record that is kept fits its
// cap, lines only move forward, and a feed's runs put back together with its head are read
// by the XML reader as the indexer reads them.
#include <algorithm>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_targets.h"
#include "readers/record_stream.h"
#include "readers/xml_reader.h"

namespace newsdex::fuzz {

namespace {

// Small, so that caps and block boundaries fall inside records, strings and tags.
constexpr std::size_t kCap = 64;
constexpr std::size_t kBlock = 7;

class Trickle : public ByteStream {
public:
    explicit Trickle(std::string_view bytes) : rest_(bytes) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t n = std::min({size, kBlock, rest_.size()});
        std::copy_n(rest_.data(), n, buffer);
        rest_.remove_prefix(n);
        return n;
    }

private:
    std::string_view rest_;
};

void check_record(const RawRecord& record, std::size_t& line, std::size_t cap) {
    require(record.line >= line, "a record's line went backwards");
    line = record.line;
    require(record.bytes.size() <= cap, "a record kept more than its cap");
    require(!record.over_cap || record.size >= cap, "a record under its cap was called over it");
}

}  // namespace

void records_target(std::string_view bytes) {
    {
        Trickle stream(bytes);
        StreamCursor cursor("", stream);
        JsonArraySplitter records(cursor, kCap);
        std::size_t line = 1;
        while (auto r = records.next()) check_record(*r, line, kCap);
    }
    {
        Trickle stream(bytes);
        StreamCursor cursor("", stream);
        std::size_t line = 1;
        while (auto r = next_json_line(cursor, kCap)) check_record(*r, line, kCap);
    }
    {
        Trickle stream(bytes);
        StreamCursor cursor("", stream);
        std::size_t line = 1;
        std::size_t total = 0;
        while (auto r = next_sgml_run(cursor, "</DOC>", 16, kCap)) {
            check_record(*r, line, kCap);
            total += r->bytes.size();
        }
        require(total == bytes.size(), "SGML runs lost or repeated bytes");
    }
    {
        Trickle stream(bytes);
        StreamCursor cursor("", stream);
        if (!looks_like_feed(bytes.substr(0, 4096))) return;  // the indexer splits feeds only
        XmlFeedSplitter feed(cursor, 4 * kCap);
        if (!feed.read_head()) return;
        static const XmlReader xml;
        std::size_t record = 1;
        bool last = false;
        std::size_t line = 1;
        while (auto run = feed.next(16, last)) {
            check_record(*run, line, 4 * kCap);
            if (run->over_cap) {
                ++record;
                continue;
            }
            const std::string text = feed.head() + run->bytes + (last ? std::string() : feed.closers());
            Records records;
            std::ostringstream warnings;
            Diagnostics diag(&warnings);
            record += xml.read_records(text, "fuzz.rss", {run->line, record}, collect(records), diag);
            check_warnings(warnings.str());
            for (const auto& [article, number] : records) {
                require(number != 0, "a feed's item has record number 0");
            }
        }
    }
}

}  // namespace newsdex::fuzz
