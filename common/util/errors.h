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

// The database is being written by another newsdex-index (and the caller did not ask to
// wait). Exit code 2, as any Error; the Python module raises newsdex.LockedError for it.
class LockedError : public Error {
public:
    using Error::Error;
};

}  // namespace newsdex
