#include "index/write_lock.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "util/errors.h"

namespace newsdex {

namespace {

std::string read_pid(int fd) {
    char buf[32] = {};
    const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid.empty() ? "unknown" : pid;
}

}  // namespace

WriteLock::WriteLock(const std::string& db_path, bool wait) {
    std::error_code ec;
    std::filesystem::create_directories(db_path, ec);
    if (ec) throw Error("cannot create database folder " + db_path + ": " + ec.message());
    const std::string lock_path = db_path + "/newsdex.lock";
    fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error("cannot create lock file " + lock_path + ": " + std::strerror(errno));
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    while (::fcntl(fd_, wait ? F_SETLKW : F_SETLK, &lock) != 0) {
        if (errno == EINTR) continue;
        const int error = errno;
        const std::string pid = read_pid(fd_);
        ::close(fd_);
        fd_ = -1;
        if (error == EACCES || error == EAGAIN) {
            throw LockedError("database " + db_path + " is being written by another newsdex-index (pid " +
                        pid + "); use --wait to wait for it");
        }
        throw Error("cannot lock " + lock_path + ": " + std::strerror(error));
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
        // The pid is only for the other indexer's message; the lock itself holds.
    }
}

WriteLock::~WriteLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the fcntl lock
}

}  // namespace newsdex
