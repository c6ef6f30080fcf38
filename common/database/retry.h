// The one way Newsdex reads a database that an indexer may be committing to: run the read,
// and when a commit got in the way, move to the latest revision and run it again, a bounded
// number of times. Every Xapian error that escapes becomes a DatabaseError (util/errors.h)
// whose fault says what kind it was and whose message names the database.
#pragma once

#include <functional>
#include <string>

#include <xapian.h>

#include "util/errors.h"

namespace newsdex {

// What kind of fault a Xapian error is.
DatabaseFault fault_of(const Xapian::Error& e);

// "connection refused" for a refused connection, "no answer within the timeout" for a
// timeout: what a remote part's error says, ready to follow a colon.
std::string network_reason(const Xapian::Error& e);

struct RetryPlan {
    std::string database;  // how messages name it: "database news.db keeps changing"
    std::string subject;   // what failed, before ": <Xapian's description>": "search failed on database news.db"
    std::string part;      // when the read is of one remote part: errors say "part <part>: <reason>"
    int attempts = 3;
    // Called before another attempt after a changed, corrupt or missing fault (a commit or a
    // compaction by an indexer); it moves the handles to the latest revision and says whether
    // another attempt is worth making. Without it, nothing is retried.
    std::function<bool(DatabaseFault)> refresh;
};

// The DatabaseError for `e` under `plan`, after its last attempt.
DatabaseError database_error(const Xapian::Error& e, const RetryPlan& plan);

// Runs `attempt` under `plan`: returns what it returns, or throws DatabaseError.
template <typename Attempt>
auto with_retries(const RetryPlan& plan, Attempt&& attempt) -> decltype(attempt()) {
    for (int tries = 1;; ++tries) {
        try {
            return attempt();
        } catch (const Xapian::Error& e) {
            const DatabaseFault fault = fault_of(e);
            const bool passing =
                fault == DatabaseFault::changed || fault == DatabaseFault::corrupt || fault == DatabaseFault::missing;
            if (!passing || tries >= plan.attempts || !plan.refresh) throw database_error(e, plan);
            try {
                if (!plan.refresh(fault)) throw database_error(e, plan);
            } catch (const Xapian::Error& during) {
                throw database_error(during, plan);
            }
        }
    }
}

}  // namespace newsdex
