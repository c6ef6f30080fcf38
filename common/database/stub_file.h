// Reads a stub database file in Xapian's own format: one database a line, `auto PATH`,
// `glass PATH`, `remote HOST:PORT` or `remote :PROGRAM ARGS`; `#` starts a comment line and
// blank lines are skipped. Relative paths are taken against the stub's folder, as Xapian
// does. Newsdex reads stubs itself (rather than handing them to Xapian::Database) because it
// needs each database on its own: a Newsdex folder's shards, each part's settings, a remote
// part's name in an error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct StubEntry {
    enum class Kind { path, tcp, program };
    Kind kind = Kind::path;
    std::string path;     // path: absolute or against the stub's folder; program: the program
    std::string args;     // program: its arguments, as one string split on spaces by Xapian
    std::string host;     // tcp
    unsigned port = 0;    // tcp
    std::size_t line = 0; // where it was written, for errors

    // How a message names it: the path, "remote HOST:PORT" or "remote :PROGRAM ARGS".
    std::string label() const;
};

// The entries of the stub text `text` read from `stub_path`. Throws Error naming the file
// and line for a line that names no database Newsdex can search (an unknown or in-memory
// backend, a port that is no number, a line without its argument), and for a stub naming
// nothing.
std::vector<StubEntry> parse_stub(std::string_view text, const std::string& stub_path);

// parse_stub of the file's contents. Throws Error when it cannot be read.
std::vector<StubEntry> read_stub(const std::string& stub_path);

// One line of a stub for `entry`, as parse_stub reads it back.
std::string stub_line(const StubEntry& entry);

// The entries of a stub naming `parts` (newsdex-index --write-stub): a local Newsdex folder,
// glass database or stub file becomes `auto PATH`, relative to the stub's folder when it lies
// inside it (so the two can move together) and absolute otherwise; HOST:PORT or [IPv6]:PORT,
// when no such local path exists, becomes `remote HOST:PORT` (not contacted: its machine may
// not be up yet). Throws Error naming a part that is neither, or a stub path that is a folder.
std::vector<StubEntry> stub_entries_for(const std::vector<std::string>& parts, const std::string& stub_path);

// Writes a stub naming `entries` to `stub_path` atomically: a temporary file beside it is
// written, synced and renamed over it, then the folder is synced, so readers see the old stub
// or the new one. Throws Error when it cannot.
void write_stub_file(const std::string& stub_path, const std::vector<StubEntry>& entries);

}  // namespace newsdex
