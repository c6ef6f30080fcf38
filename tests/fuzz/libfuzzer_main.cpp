// libFuzzer's entry point for one target, the one NEWSDEX_FUZZ_TARGET names (each fuzz_NAME
// executable is this file compiled with its name: tests/fuzz/CMakeLists.txt). A broken
// invariant or an exception the target let through becomes an abort after one line saying
// what, so libFuzzer reports a crash and saves the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include "fuzz_checks.h"
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace newsdex::fuzz;
    static const Target* const target = find_target(NEWSDEX_FUZZ_TARGET);
    if (target == nullptr) {
        std::fprintf(stderr, "no fuzz target named %s\n", NEWSDEX_FUZZ_TARGET);
        std::abort();
    }
    try {
        target->run(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const Violation& violation) {
        std::fprintf(stderr, "fuzz target %s: %s\n", NEWSDEX_FUZZ_TARGET, violation.message.c_str());
        std::abort();
    } catch (const std::exception& error) {
        std::fprintf(stderr, "fuzz target %s: exception escaped: %s\n", NEWSDEX_FUZZ_TARGET, error.what());
        std::abort();
    }
    return 0;
}
