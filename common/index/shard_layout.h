// The on-disk layout of a Newsdex database: a folder holding N Xapian glass shards
// (shard-0 … shard-N-1, or shard-0.2 … once compacted: see shard_compaction.h), a Xapian stub
// file XAPIANDB naming them so that Xapian::Database opens the folder as one database, and
// newsdex.lock (see write_lock.h). Each shard is written by its own thread; files are routed to
// shards by a fixed rule on their key and the shard's place in the stub, so a re-run always
// finds a file's articles in the same shard.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::shard_layout {

// The shard folders of an existing database, in order; empty when there is no database yet.
// Throws Error when the folder holds something that is not a Newsdex database.
std::vector<std::string> shard_paths(const std::string& db_path);

// The shard folder names of a Newsdex folder's own stub text ("auto shard-N" lines; comments
// and blank lines skipped); nullopt when it names anything else, or nothing: then it is a
// stub naming other databases, or damaged.
std::optional<std::vector<std::string>> own_shard_names(std::string_view stub_text);

// The paths of `count` shards for a new database. The shards are created by their writers.
std::vector<std::string> shard_names(const std::string& db_path, unsigned count);

// Writes the stub naming `count` shards (atomically: a temporary file renamed over it).
void write_stub(const std::string& db_path, unsigned count);

// Writes the stub naming these shard folders of db_path, in this order, atomically: the
// temporary file is synced before it is renamed over the stub, and the folder after, so the
// stub on disk is always the old one or the new one. Throws Error when a name does not start
// with the shard prefix or it cannot be written.
void write_stub(const std::string& db_path, const std::vector<std::string>& shard_names);

// The entries of the database folder that the stub does not name, though they are ours: shard
// folders a killed compaction left (its half-written copy, or the shard it had replaced) and a
// stub's temporary file. Empty when there is no stub: a first run killed before writing it
// leaves shards that its re-run opens again. Call with the write lock held.
std::vector<std::string> unnamed_entries(const std::string& db_path);

// Removes what unnamed_entries lists; returns how many entries it removed.
std::size_t remove_unnamed_entries(const std::string& db_path);

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

// fsyncs every file under `folder`, the folder itself and its parent (which holds its name).
void sync_folder(const std::string& folder);

// Bytes of the files under `folder` (their sizes, as du -sb counts them).
std::uintmax_t folder_bytes(const std::string& folder);

}  // namespace newsdex::shard_layout
