#!/usr/bin/env bash
# How a compacted database grows with the runs that follow, and what compacting again costs:
# the measurements behind newsdex-index's automatic compaction threshold (docs/performance.md,
# "Compaction"). Run by hand.
#
# Usage: scripts/bench/compaction-growth.sh CORPUS_FOLDER BASE_FILES K...
#        scripts/bench/compaction-growth.sh --series CORPUS_FOLDER BASE_FILES N
#   Indexes the first BASE_FILES files of CORPUS_FOLDER (sorted by name) into a new database,
#   which newsdex-index compacts; then, for each K, on a copy of that database: adds the next K
#   files (--no-compact), prints the run's time and the database's size, compacts it alone
#   (--compact) and prints that time and size.
#   --series: from that compacted database and from one never compacted (--no-compact), adds
#   the next N files one run at a time (--no-compact) and prints each database's size after
#   every run.
# Environment: NEWSDEX_BUILD  build folder holding indexer/newsdex-index (default build-bench)
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
newsdex="${NEWSDEX_BUILD:-$top/build-bench}/indexer/newsdex-index"
series=0
if [ "${1:-}" = "--series" ]; then series=1; shift; fi
[ $# -ge 3 ] || { echo "usage: $0 [--series] CORPUS_FOLDER BASE_FILES K... (see the header)" >&2; exit 2; }
src=$(cd "$1" && pwd)
base=$2
shift 2
[ -x "$newsdex" ] || { echo "error: $newsdex not found (set NEWSDEX_BUILD)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-growth-XXXXXX")
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(find "$src" -maxdepth 1 -type f \( -name '*.json' -o -name '*.jsonl' \) -printf '%f\n' | sort)

seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }
mb() { du -sb "$1" | awk '{printf "%.1f", $1 / 1e6}'; }
# The corpus folder holds the first N files: the same root every time, so the database's
# earlier files are unchanged and only the new ones are read.
corpus_of() {
  rm -rf "$work/corpus"
  mkdir "$work/corpus"
  for f in "${files[@]:0:$1}"; do ln "$src/$f" "$work/corpus/$f" 2>/dev/null || cp -p "$src/$f" "$work/corpus/"; done
}

corpus_of "$base"
"$newsdex" -q -d "$work/base.db" "$work/corpus"
echo "base: ${base} files, $(mb "$work/base.db") MB compacted; $(uptime)"

if [ "$series" -eq 1 ]; then
  "$newsdex" -q --no-compact -d "$work/never.db" "$work/corpus"
  for db in base never; do
    [ "$db" = base ] && line="compacted first:" || line="never compacted:"
    cp -r "$work/$db.db" "$work/s.db"
    line="$line $(mb "$work/s.db")"
    for ((i = 1; i <= $1; ++i)); do
      corpus_of $((base + i))
      "$newsdex" -q --no-compact -d "$work/s.db" "$work/corpus"
      line="$line $(mb "$work/s.db")"
    done
    rm -rf "$work/s.db"
    echo "$line MB"
  done
  exit 0
fi

printf '| %-6s | %-8s | %-7s | %-8s | %-10s | %-9s | %-12s |\n' \
  "+files" "articles" "share" "index s" "raw MB" "compact s" "compacted MB"
for k in "$@"; do
  rm -rf "$work/k.db"
  cp -r "$work/base.db" "$work/k.db"
  corpus_of $((base + k))
  start=$(date +%s.%N)
  summary=$("$newsdex" --no-compact -d "$work/k.db" "$work/corpus" 2>&1)
  indexed=$(date +%s.%N)
  raw=$(mb "$work/k.db")
  "$newsdex" -q --compact -d "$work/k.db"
  compacted=$(date +%s.%N)
  [[ $summary =~ ([0-9]+)\ added,\ ([0-9]+)\ updated,\ ([0-9]+)\ unchanged ]] ||
    { echo "error: unexpected summary: $summary" >&2; exit 2; }
  added=${BASH_REMATCH[1]}
  total=$((added + BASH_REMATCH[3]))
  printf '| +%-5s | %8s | %6.1f%% | %8s | %10s | %9s | %12s |\n' "$k" "$added" \
    "$(awk -v a="$added" -v t="$total" 'BEGIN {print 100 * a / t}')" "$(seconds "$start" "$indexed")" \
    "$raw" "$(seconds "$indexed" "$compacted")" "$(mb "$work/k.db")"
done
echo "after: $(uptime)"
