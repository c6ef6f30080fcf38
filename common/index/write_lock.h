// One newsdex-index at a time per database. The lock is an fcntl lock on <db>/newsdex.lock,
// so it vanishes with its process (kill -9 included) and a stale file never blocks anyone:
// the file itself is never deleted. The holder's pid is written into it for the message
// the second indexer prints.
#pragma once

#include <string>

namespace newsdex {

class WriteLock {
public:
    // Creates the database folder if needed, then takes the lock. Without `wait`, throws Error
    // "database DB is being written by another newsdex-index (pid N)" when it is held; with
    // `wait`, blocks until it is free. Throws Error when the folder or file cannot be created.
    WriteLock(const std::string& db_path, bool wait);
    ~WriteLock();
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace newsdex
