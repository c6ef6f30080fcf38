#include "readers/input_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace newsdex {

std::string file_kind_name(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "an unknown kind of file";
}

long long mtime_ns(const struct stat& status) {
    using namespace std::chrono;
    const sys_time<nanoseconds> modified(seconds(status.st_mtim.tv_sec) + nanoseconds(status.st_mtim.tv_nsec));
    return duration_cast<nanoseconds>(file_clock::from_sys(modified).time_since_epoch()).count();
}

std::optional<InputFile> InputFile::open(const std::filesystem::path& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    struct stat opened {};
    if (::fstat(fd, &opened) != 0) {
        error = std::strerror(errno);
        ::close(fd);
        return std::nullopt;
    }
    if (!S_ISREG(opened.st_mode)) {
        // A folder gives the message its read() would have given.
        error = S_ISDIR(opened.st_mode) ? std::strerror(EISDIR)
                                        : "not a regular file (" + file_kind_name(opened.st_mode) + ")";
        ::close(fd);
        return std::nullopt;
    }
    return InputFile(fd, opened);
}

InputFile::InputFile(InputFile&& other) noexcept : fd_(other.fd_), opened_(other.opened_) { other.fd_ = -1; }

InputFile::~InputFile() {
    if (fd_ >= 0) ::close(fd_);
}

InputFile::Change InputFile::change_since_open(const std::filesystem::path& path) const {
    struct stat now {};
    if (::fstat(fd_, &now) != 0) return Change::modified;
    if (now.st_size != opened_.st_size || now.st_mtim.tv_sec != opened_.st_mtim.tv_sec ||
        now.st_mtim.tv_nsec != opened_.st_mtim.tv_nsec) {
        return Change::modified;
    }
    struct stat named {};
    if (::stat(path.c_str(), &named) != 0) return errno == ENOENT || errno == ENOTDIR ? Change::gone : Change::modified;
    if (named.st_dev != opened_.st_dev || named.st_ino != opened_.st_ino) return Change::modified;
    return Change::none;
}

}  // namespace newsdex
