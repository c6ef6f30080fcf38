#include "search/match_cursor.h"

#include <utility>

#include "index/schema.h"
#include "util/errors.h"

namespace newsdex {

namespace {
constexpr Xapian::doccount kPage = 10000;
}

MatchCursor::MatchCursor(Xapian::Enquire enquire, bool ranked, std::size_t total, Xapian::doccount doccount,
                         std::string path)
    : enquire_(std::move(enquire)), ranked_(ranked), total_(total), doccount_(doccount), path_(std::move(path)) {}

std::vector<Hit> MatchCursor::next(std::size_t max) {
    std::vector<Hit> hits;
    try {
        while (hits.size() < max) {
            if (!started_ || (in_page_ == page_.size() && !ranked_ && page_.size() == kPage)) {
                // The ranked order is read whole: a page boundary would re-rank from scratch.
                if (started_) page_first_ += kPage;
                page_ = ranked_ ? enquire_.get_mset(0, doccount_, doccount_) : enquire_.get_mset(page_first_, kPage);
                in_page_ = 0;
                started_ = true;
            }
            if (in_page_ == page_.size()) break;
            auto it = page_[in_page_++];
            const Xapian::Document doc = it.get_document();
            if (one_per_article_ && !keys_seen_.insert(doc.get_value(schema::kArticleKeySlot)).second) {
                continue;  // a copy in another part, handed out already
            }
            Hit hit;
            hit.rank = ++rank_;
            hit.score = it.get_weight();
            hit.article = schema::decode_article(doc.get_data());
            hits.push_back(std::move(hit));
        }
    } catch (const Xapian::DatabaseModifiedError&) {
        throw Error("database " + path_ + " changed during the export (an indexer committed); run it again");
    } catch (const Xapian::Error& e) {
        throw Error("export failed on database " + path_ + ": " + e.get_description());
    }
    return hits;
}

}  // namespace newsdex
