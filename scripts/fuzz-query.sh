#!/usr/bin/env bash
# Fuzzes the query parser and the suggestion rewriter with libFuzzer under AddressSanitizer and
# UndefinedBehaviorSanitizer (clang). Run by hand, not in CI.
#
# Usage: scripts/fuzz-query.sh [SECONDS]   (default 120; the corpus is kept in build-fuzz/corpus)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-120}"
build="$top/build-fuzz"
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -g -O1"
CC=clang CXX=clang++ cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="$flags -fsanitize=fuzzer-no-link" > /dev/null
cmake --build "$build" -j"$(nproc)" --target newsdex_common
clang++ -std=c++20 $flags -fsanitize=fuzzer -I"$top/common" "$top/tests/fuzz/query_fuzz.cpp" \
  "$build/common/libnewsdex_common.a" $(pkg-config --libs icu-uc icu-i18n) -lxapian \
  -o "$build/query_fuzz"
mkdir -p "$build/corpus"
# Seeds: the queries of docs/query-language.md's tables.
grep -o '`[^`]*`' "$top/docs/query-language.md" | tr -d '`' | sort -u | while IFS= read -r q; do
  printf '%s' "$q" > "$build/corpus/seed-$(printf '%s' "$q" | md5sum | cut -c1-12)"
done
cd "$build"  # crash and out-of-memory reproducers land here, not in the tree
"$build/query_fuzz" -max_total_time="$seconds" -max_len=200 -timeout=10 "$build/corpus"
