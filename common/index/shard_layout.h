// The on-disk layout of a Newsdex database: a folder holding N Xapian glass shards
// (shard-0 … shard-N-1), a Xapian stub file XAPIANDB naming them so that Xapian::Database
// opens the folder as one database, and newsdex.lock (see write_lock.h). Each shard is written
// by its own thread; files are routed to shards by a fixed rule on their key, so a re-run
// always finds a file's articles in the same shard.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex::shard_layout {

// The shard folders of an existing database, in order; empty when there is no database yet.
// Throws Error when the folder holds something that is not a Newsdex database.
std::vector<std::string> shard_paths(const std::string& db_path);

// The paths of `count` shards for a new database. The shards are created by their writers.
std::vector<std::string> shard_names(const std::string& db_path, unsigned count);

// Writes the stub naming `count` shards (atomically: a temporary file renamed over it).
void write_stub(const std::string& db_path, unsigned count);

// A database of an older Newsdex: one Xapian glass database in the folder itself.
bool is_single_database(const std::string& db_path);

// Deletes such a database's files (for --rebuild); does nothing to other folders.
void remove_single_database(const std::string& db_path);

// Deletes the shards and the stub (for --rebuild), leaving the lock file alone.
void remove_shards(const std::string& db_path);

// The shard that holds the articles of the file with this key.
unsigned shard_for(std::string_view file_key, unsigned count);

// fsyncs every file of the database, so a run written with DB_NO_SYNC ends durable.
void sync_to_disk(const std::string& db_path);

}  // namespace newsdex::shard_layout
