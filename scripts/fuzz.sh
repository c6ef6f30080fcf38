#!/usr/bin/env bash
# Fuzzes one target of tests/fuzz/targets.txt with libFuzzer under AddressSanitizer and
# UndefinedBehaviorSanitizer (clang). Run by hand, not in CI.
#
# Usage: scripts/fuzz.sh --list              the target names, one a line
#        scripts/fuzz.sh TARGET [SECONDS]    fuzz TARGET for SECONDS (default 120)
#
# Installs clang when it is missing, configures build-fuzz/ once and rebuilds only what
# changed. Each target's corpus grows in build-fuzz/corpus/TARGET across runs; its seeds are
# made afresh in build-fuzz/seeds/TARGET from the files targets.txt names. Exits 0 when nothing
# failed; otherwise 1, naming the folder that holds the failing input (crash-*, leak-*,
# timeout-*, oom-*). To keep one as a regression test, copy it to tests/data/fuzz/TARGET/.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
targets="$top/tests/fuzz/targets.txt"
build="$top/build-fuzz"

names() { grep -v '^#' "$targets" | awk 'NF { print $1 }'; }

usage() {
  echo "usage: scripts/fuzz.sh --list | TARGET [SECONDS]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
if [ "$1" = "--list" ]; then
  names
  exit 0
fi
target="$1"
seconds="${2:-120}"
names | grep -qx -- "$target" || { echo "fuzz.sh: no target '$target' (scripts/fuzz.sh --list)" >&2; exit 2; }
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# clang and its libFuzzer runtime (Debian's libclang-rt-dev), tried by linking a fuzzer that
# does nothing: clang alone may be there without the runtime.
can_link_fuzzer() {
  local dir
  dir="$(mktemp -d)"
  printf '%s\n' '#include <cstddef>' '#include <cstdint>' \
    'extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }' > "$dir/t.cpp"
  clang++ -fsanitize=fuzzer,address,undefined "$dir/t.cpp" -o "$dir/t" > /dev/null 2>&1
  local status=$?
  rm -rf "$dir"
  return $status
}
if ! command -v clang++ > /dev/null || ! can_link_fuzzer; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang libclang-rt-dev
fi
"$top/scripts/install-deps.sh"

# -O1 keeps stacks readable and runs fast enough; fuzzer-no-link instruments the library for
# coverage without linking libFuzzer's main, which only the fuzz_* executables get.
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link -g -O1"
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_FLAGS="$flags" \
    -DNEWSDEX_FUZZ=ON -DNEWSDEX_PYTHON=OFF > /dev/null
else
  # Configured again each time (cheap): a target added to targets.txt since gets its executable
  # before it is asked for by name.
  cmake "$build" > /dev/null
fi
nice -n 10 cmake --build "$build" -j"${FUZZ_JOBS:-2}" --target "fuzz_$target"

# Seeds, as targets.txt says, plus the failures kept as regression tests.
seeds="$build/seeds/$target"
rm -rf "$seeds"
mkdir -p "$seeds" "$build/corpus/$target"
seed_name() { printf 'seed-%s' "$(printf '%s' "$1" | md5sum | cut -c1-12)"; }
data_files() {
  find "$top/corpus" "$top/tests/data" -path "$top/tests/data/fuzz" -prune -o -type f -name "$1" -print
}
read -ra specs <<< "$(grep -E "^$target[[:space:]]" "$targets" | awk '{ $1 = ""; print }')"
for spec in "${specs[@]}"; do
  case "$spec" in
    zcat:*) data_files "${spec#zcat:}" | while IFS= read -r f; do
              gunzip -c "$f" > "$seeds/$(seed_name "$f")"
            done ;;
    lines:*) while IFS= read -r line; do
               printf '%s' "$line" > "$seeds/$(seed_name "$line")"
             done < "$top/${spec#lines:}" ;;
    code:*) grep -o '`[^`]*`' "$top/${spec#code:}" | tr -d '`' | sort -u | while IFS= read -r q; do
              printf '%s' "$q" > "$seeds/$(seed_name "$q")"
            done ;;
    *) data_files "$spec" | while IFS= read -r f; do cp "$f" "$seeds/$(seed_name "$f")"; done ;;
  esac
done
if [ -d "$top/tests/data/fuzz/$target" ]; then cp "$top/tests/data/fuzz/$target"/* "$seeds/" 2> /dev/null || true; fi

failures="$build/failures/$target"
mkdir -p "$failures"
status=0
(cd "$failures" && nice -n 10 "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
  -print_final_stats=1 -artifact_prefix="$failures/" "$build/corpus/$target" "$seeds") || status=$?
if [ "$status" -ne 0 ]; then
  newest="$(ls -t "$failures" | head -n 1)"
  echo "fuzz.sh: $target failed (exit $status); the failing input is in $failures/${newest:+ ($newest)}" >&2
  exit 1
fi
echo "fuzz.sh: $target: nothing failed in $seconds seconds"
