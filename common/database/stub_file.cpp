#include "database/stub_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "index/shard_layout.h"
#include "util/errors.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

// "HOST:PORT", "[IPv6]:PORT": the port after the last colon.
bool parse_tcp(std::string_view address, StubEntry& entry) {
    const auto colon = address.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == address.size()) return false;
    std::string_view host = address.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const std::string_view port = address.substr(colon + 1);
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) return false;
    entry.host = std::string(host);
    entry.port = value;
    return true;
}

void fsync_or_throw(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) throw Error("cannot sync " + path.string() + ": " + std::strerror(errno));
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw Error("cannot sync " + path.string() + " to disk");
}

}  // namespace

std::string StubEntry::label() const {
    switch (kind) {
        case Kind::tcp: {
            const bool ipv6 = host.find(':') != std::string::npos;
            return "remote " + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
        }
        case Kind::program:
            return "remote :" + path + (args.empty() ? "" : " " + args);
        case Kind::path:
            break;
    }
    return path;
}

std::vector<StubEntry> parse_stub(std::string_view text, const std::string& stub_path) {
    const fs::path folder = fs::path(stub_path).parent_path();
    std::vector<StubEntry> entries;
    std::size_t line_number = 0;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        const std::string_view raw = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        ++line_number;
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        const auto space = line.find_first_of(" \t");
        const std::string_view backend = line.substr(0, space);
        const std::string_view argument = space == std::string_view::npos ? std::string_view{} : trim(line.substr(space));
        const std::string where = stub_path + ":" + std::to_string(line_number) + ": ";
        StubEntry entry;
        entry.line = line_number;
        if (backend == "auto" || backend == "glass") {
            if (argument.empty()) throw Error(where + "'" + std::string(backend) + "' needs a path");
            const fs::path path(argument);
            entry.path = (path.is_absolute() ? path : folder / path).lexically_normal().string();
        } else if (backend == "remote") {
            if (argument.empty()) throw Error(where + "'remote' needs HOST:PORT or :PROGRAM ARGS");
            if (argument.front() == ':') {
                const std::string_view command = trim(argument.substr(1));
                const auto gap = command.find_first_of(" \t");
                entry.kind = StubEntry::Kind::program;
                entry.path = std::string(command.substr(0, gap));
                entry.args = gap == std::string_view::npos ? "" : std::string(trim(command.substr(gap)));
                if (entry.path.empty()) throw Error(where + "'remote :' needs a program");
            } else {
                entry.kind = StubEntry::Kind::tcp;
                if (!parse_tcp(argument, entry)) {
                    throw Error(where + "'" + std::string(argument) + "' is not HOST:PORT (a port from 1 to 65535)");
                }
            }
        } else if (backend == "inmemory") {
            throw Error(where + "an in-memory database holds no Newsdex articles");
        } else if (backend == "chert" || backend == "honey" || backend == "flint") {
            throw Error(where + "the " + std::string(backend) + " backend is not one Newsdex writes (glass)");
        } else {
            throw Error(where + "unknown database type '" + std::string(backend) + "' (auto, glass or remote)");
        }
        entries.push_back(std::move(entry));
    }
    if (entries.empty()) throw Error("stub " + stub_path + " names no database");
    return entries;
}

std::vector<StubEntry> read_stub(const std::string& stub_path) {
    std::ifstream in(stub_path, std::ios::binary);
    if (!in) throw Error("cannot read stub " + stub_path + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_stub(text.str(), stub_path);
}

std::string stub_line(const StubEntry& entry) {
    return entry.kind == StubEntry::Kind::path ? "auto " + entry.path : entry.label();
}

std::vector<StubEntry> stub_entries_for(const std::vector<std::string>& parts, const std::string& stub_path) {
    std::error_code ec;
    if (fs::is_directory(stub_path, ec)) {
        throw Error(stub_path + " is a folder; give the name of the stub file to write");
    }
    if (parts.empty()) throw Error("a stub names at least one part");
    const fs::path stub_folder = fs::weakly_canonical(fs::absolute(stub_path, ec), ec).parent_path();
    std::vector<StubEntry> entries;
    for (const auto& part : parts) {
        StubEntry entry;
        if (fs::exists(part, ec)) {
            // A folder: a Newsdex folder, a glass database or a folder holding a stub of parts.
            const bool searchable = fs::is_directory(part, ec)
                                        ? fs::exists(fs::path(part) / "XAPIANDB", ec) || fs::exists(fs::path(part) / "iamglass", ec)
                                        : (read_stub(part), true);  // throws, naming the line, when it is no stub
            if (!searchable) throw Error(part + " holds no database (index it first: newsdex-index -d " + part + " FOLDER)");
            const fs::path absolute = fs::weakly_canonical(fs::absolute(part, ec), ec);
            const fs::path relative = absolute.lexically_relative(stub_folder);
            const bool inside = !relative.empty() && *relative.begin() != "..";
            entry.path = inside ? relative.string() : absolute.string();
        } else if (parse_tcp(part, entry)) {
            entry.kind = StubEntry::Kind::tcp;
        } else {
            throw Error("part " + part + ": no such folder or file, and not HOST:PORT of a remote part");
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

void write_stub_file(const std::string& stub_path, const std::vector<StubEntry>& entries) {
    const fs::path target(stub_path);
    const fs::path temporary = target.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        for (const auto& entry : entries) out << stub_line(entry) << '\n';
        out.flush();
        if (!out) throw Error("cannot write " + temporary.string());
    }
    fsync_or_throw(temporary, false);
    std::error_code ec;
    fs::rename(temporary, target, ec);
    if (ec) throw Error("cannot replace " + stub_path + ": " + ec.message());
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    fsync_or_throw(folder, true);
}

}  // namespace newsdex
