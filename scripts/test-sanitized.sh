#!/usr/bin/env bash
# Builds the whole project with clang under AddressSanitizer and UndefinedBehaviorSanitizer
# (any undefined behaviour is fatal) and runs the full test suite with ctest. Run by hand, not
# in CI: on a 2-core machine the first build takes about 20 minutes and ctest about 5 more,
# where the normal build and ctest take about 3.5 in all.
#
# Usage: scripts/test-sanitized.sh [ctest arguments...]   (e.g. -R Reader to run a subset)
#
# Builds in build-sanitized/ (configured once, rebuilt incrementally). The Python module is
# off: an extension built with ASan would need libasan preloaded into python to load at all.
# JOBS sets the build's and ctest's parallelism (default 2).
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="$top/build-sanitized"
jobs="${JOBS:-2}"

"$top/scripts/install-deps.sh"
if ! command -v clang++ > /dev/null; then
  if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang
fi

# -O1 with frame pointers: readable stacks at a fraction of -O0's slowness.
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_FLAGS="$flags" -DNEWSDEX_PYTHON=OFF > /dev/null
fi
nice -n 10 cmake --build "$build" -j"$jobs"

# A stack trace for undefined behaviour too (ASan prints one, and checks for leaks, by default).
export UBSAN_OPTIONS="print_stacktrace=1"
nice -n 10 ctest --test-dir "$build" --output-on-failure -j"$jobs" "$@"
