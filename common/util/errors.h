// The errors Newsdex throws across module boundaries. Each carries the context a user needs
// (file, database, query column); `main` turns them into one message and an exit code.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace newsdex {

// A fatal problem: bad usage, a database that cannot be opened, written or is incompatible.
// Exit code 2.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A query that cannot be parsed. `column` counts code points from 1 (0 when the problem
// is not at one place, e.g. a query made only of exclusions). what() is the full message,
// e.g. "unclosed quote at column 14".
class QueryError : public Error {
public:
    QueryError(const std::string& message, std::size_t column)
        : Error(message), column_(column) {}
    std::size_t column() const { return column_; }

private:
    std::size_t column_;
};

// What went wrong with a database, as the Xapian error behind it says (database/retry.h
// sorts them): for the retries, which try again only after a change an indexer made, and
// for callers that tell a user or a script more than "it failed".
enum class DatabaseFault {
    remote,   // a remote part: refused, timed out, connection lost
    locked,   // being written by another process
    corrupt,  // damaged (or, briefly, a block reused under a reader by a commit)
    version,  // made by an incompatible Xapian version
    changed,  // the revision being read was discarded by a commit
    missing,  // a shard folder that is not there (swapped by a compaction, or removed)
    other,
};

// A database that cannot be opened, read or written. Exit code 2, as any Error.
class DatabaseError : public Error {
public:
    DatabaseError(const std::string& message, DatabaseFault fault) : Error(message), fault_(fault) {}
    DatabaseFault fault() const { return fault_; }

private:
    DatabaseFault fault_;
};

// The database is being written by another newsdex-index (and the caller did not ask to
// wait). Exit code 2, as any Error; the Python module raises newsdex.LockedError for it.
class LockedError : public DatabaseError {
public:
    explicit LockedError(const std::string& message) : DatabaseError(message, DatabaseFault::locked) {}
};

}  // namespace newsdex
