#include "search/copies.h"

#include <string>

#include "index/schema.h"

namespace newsdex {

std::vector<Xapian::docid> group_members(const Xapian::Database& db, Xapian::docid doc) {
    std::vector<Xapian::docid> members;
    const std::string key = db.get_document(doc).get_value(schema::kGroupSlot);
    if (key.empty()) return members;
    const std::string term = std::string(schema::kGroup) + key;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        if (*it != doc) members.push_back(*it);
    }
    return members;
}

}  // namespace newsdex
