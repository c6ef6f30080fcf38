#include "search/copies.h"

#include <string>

#include "index/schema.h"

namespace newsdex {

std::vector<Xapian::docid> group_members(const Xapian::Database& db, Xapian::docid doc) {
    std::vector<Xapian::docid> members;
    const std::string key = db.get_document(doc).get_value(schema::kGroupSlot);
    if (key.empty()) return members;
    // One value stream walk: the group is kept only in its slot, so that the grouping pass
    // writes values and no posting lists.
    for (auto it = db.valuestream_begin(schema::kGroupSlot); it != db.valuestream_end(schema::kGroupSlot); ++it) {
        if (*it == key && it.get_docid() != doc) members.push_back(it.get_docid());
    }
    return members;
}

}  // namespace newsdex
