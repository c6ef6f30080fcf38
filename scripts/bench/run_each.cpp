// Whole-process times for the query benchmark (scripts/bench-query.sh): runs a command once
// per query of a query file, the query text as its last argument, and times each process
// from spawn to exit, start-up and opening the database included, as a person or a script
// calling the tool once per query would see it. Timing in C++ rather than in the shell keeps
// the shell's own fork and date calls out of the figures.
//
// Usage: run_each QUERIES COMMAND [ARG...]
//   QUERIES: "qid<TAB>query" lines. The command's output goes to /dev/null. Prints
//   "qid<TAB>microseconds<TAB>exit status" per query on stdout.

#include <spawn.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

extern char** environ;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: run_each QUERIES COMMAND [ARG...]\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "run_each: cannot read " << argv[1] << "\n";
        return 2;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);

    std::string line;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::string qid = line.substr(0, tab);
        std::string text = line.substr(tab + 1);
        std::vector<char*> args(argv + 2, argv + argc);
        args.push_back(text.data());
        args.push_back(nullptr);

        const auto start = std::chrono::steady_clock::now();
        pid_t pid;
        if (const int err = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ); err != 0) {
            std::cerr << "run_each: cannot run " << args[0] << ": " << std::strerror(err) << "\n";
            return 2;
        }
        int status = 0;
        if (waitpid(pid, &status, 0) < 0) {
            std::cerr << "run_each: waitpid: " << std::strerror(errno) << "\n";
            return 2;
        }
        const auto us =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        std::cout << qid << '\t' << us << '\t' << code << '\n';
    }
    posix_spawn_file_actions_destroy(&actions);
    return 0;
}
