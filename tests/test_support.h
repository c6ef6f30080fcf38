// Helpers for the tests that run the real binaries: start a program (fork/exec, no shell) with
// pipes for its output, collect what it prints and how it ended, and small file utilities.
// Header-only so that tests/CMakeLists.txt, which builds every *_test.cpp, needs no change.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

extern char** environ;

namespace newsdex::test {

struct RunResult {
    int exit_code = -1;  // 128 + signal number when killed by a signal
    int term_signal = 0;  // the signal that killed it, 0 when it exited
    std::string out;
    std::string err;
};

struct RunOptions {
    // Set in the child's environment. NEWSDEX_DB and NO_COLOR are always removed from the
    // inherited environment first, so a developer's shell cannot change the outcome.
    std::vector<std::pair<std::string, std::string>> env{};
    bool stdout_is_terminal = false;  // a pseudo-terminal instead of a pipe
    // RLIMIT_FSIZE for the child: writing past it fails with EFBIG, as on a full disk.
    std::optional<rlim_t> file_size_limit{};
};

[[noreturn]] inline void fail_system(const std::string& what) {
    throw std::runtime_error(what + ": " + std::strerror(errno));
}

inline void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

// A started program. finish() collects stdout and stderr until both are closed and waits for
// it; a Process destroyed unfinished is killed and reaped.
class Process {
public:
    Process(pid_t pid, int out_fd, int err_fd) : pid_(pid), out_fd_(out_fd), err_fd_(err_fd) {}
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;
    ~Process() {
        if (!finished_) {
            kill(SIGKILL);
            try {
                finish();
            } catch (...) {
            }
        }
        close_fd(out_fd_);
        close_fd(err_fd_);
    }

    pid_t pid() const { return pid_; }

    // True while it has not exited (reaps it when it has, keeping its status for finish()).
    bool running() {
        if (reaped_) return false;
        int status = 0;
        const pid_t r = ::waitpid(pid_, &status, WNOHANG);
        if (r == 0) return true;
        if (r == pid_) {
            reaped_ = true;
            status_ = status;
        }
        return false;
    }

    void kill(int signal) {
        if (!reaped_) ::kill(pid_, signal);
    }

    RunResult finish() {
        finished_ = true;
        RunResult result;
        pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
        std::string* sinks[2] = {&result.out, &result.err};
        int open_count = 2;
        char buffer[65536];
        while (open_count > 0) {
            if (::poll(fds, 2, -1) < 0) {
                if (errno == EINTR) continue;
                fail_system("poll");
            }
            for (int i = 0; i < 2; ++i) {
                if (fds[i].fd < 0 || fds[i].revents == 0) continue;
                const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
                if (n > 0) {
                    sinks[i]->append(buffer, static_cast<std::size_t>(n));
                    continue;
                }
                if (n < 0 && errno == EINTR) continue;
                // 0 is end of file; a pseudo-terminal's master reports EIO once the child is gone.
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_count;
            }
        }
        out_fd_ = err_fd_ = -1;
        if (!reaped_) {
            int status = 0;
            while (::waitpid(pid_, &status, 0) < 0) {
                if (errno != EINTR) fail_system("waitpid");
            }
            reaped_ = true;
            status_ = status;
        }
        result.exit_code = WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
        result.term_signal = WIFSIGNALED(status_) ? WTERMSIG(status_) : 0;
        return result;
    }

private:
    pid_t pid_;
    int out_fd_;
    int err_fd_;
    bool reaped_ = false;
    bool finished_ = false;
    int status_ = 0;
};

// Starts `program` with `args` (no shell: each argument reaches argv as is), stdin from /dev/null.
inline std::unique_ptr<Process> start(const std::string& program, const std::vector<std::string>& args,
                                      const RunOptions& options = {}) {
    std::vector<std::string> arg_strings{program};
    arg_strings.insert(arg_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : arg_strings) argv.push_back(arg.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_strings;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string_view var(*entry);
        if (var.starts_with("NEWSDEX_DB=") || var.starts_with("NO_COLOR=")) continue;
        env_strings.emplace_back(var);
    }
    for (const auto& [name, value] : options.env) env_strings.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& var : env_strings) envp.push_back(var.data());
    envp.push_back(nullptr);

    int out_read = -1, out_write = -1, err_pipe[2] = {-1, -1};
    if (options.stdout_is_terminal) {
        out_read = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (out_read < 0 || ::grantpt(out_read) != 0 || ::unlockpt(out_read) != 0) {
            fail_system("posix_openpt");
        }
        out_write = ::open(::ptsname(out_read), O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (out_write < 0) fail_system("open pty");
        termios raw{};
        ::tcgetattr(out_write, &raw);
        ::cfmakeraw(&raw);  // no "\n" → "\r\n"
        ::tcsetattr(out_write, TCSANOW, &raw);
    } else {
        int out_pipe[2];
        if (::pipe2(out_pipe, O_CLOEXEC) != 0) fail_system("pipe2");
        out_read = out_pipe[0];
        out_write = out_pipe[1];
    }
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) fail_system("pipe2");

    const pid_t pid = ::fork();
    if (pid < 0) fail_system("fork");
    if (pid == 0) {
        const int null_fd = ::open("/dev/null", O_RDONLY);
        if (null_fd < 0 || ::dup2(null_fd, 0) < 0 || ::dup2(out_write, 1) < 0 || ::dup2(err_pipe[1], 2) < 0) {
            ::_exit(126);
        }
        if (options.file_size_limit) {
            const rlimit limit{*options.file_size_limit, *options.file_size_limit};
            if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
        }
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    close_fd(out_write);
    close_fd(err_pipe[1]);
    return std::make_unique<Process>(pid, out_read, err_pipe[0]);
}

// Runs `program` to its end; see start().
inline RunResult run(const std::string& program, const std::vector<std::string>& args,
                     const RunOptions& options = {}) {
    return start(program, args, options)->finish();
}

inline std::filesystem::path make_temp_dir(const std::string& prefix = "newsdex-e2e") {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) fail_system("mkdtemp");
    return pattern;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

}  // namespace newsdex::test
