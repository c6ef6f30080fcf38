#!/usr/bin/env bash
# Indexing benchmark, run by hand (not part of CI): newsdex-index against a minimal
# single-threaded Xapian TermGenerator indexer on Reuters-21578 (x1) and on deterministic
# synthetic corpora 10 and 50 times its size. Prints a table of wall time, throughput, peak
# memory and index size, and keeps a copy in data/bench/results-<date>.txt. newsdex-index runs
# with --compact (when it has the option), so its time includes compacting its shards and its
# raw size is the database it leaves.
# How to read the figures: docs/performance.md.
#
# Usage: scripts/bench-index.sh [--sizes 1,10,50] [--quick] [--keep] [--prepare]
#   --sizes LIST  corpus sizes as multiples of Reuters (default 1,10,50)
#   --quick       only x1 (Reuters itself)
#   --keep        keep the databases under data/bench/db/ (they are large; deleted by default)
#   --prepare     only fetch and generate the corpora (so generating does not overlap runs)
# Environment: NEWSDEX_BUILD  build folder holding indexer/newsdex-index (default build-bench)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
bench="$top/data/bench"  # git-ignored with the rest of data/
build="${NEWSDEX_BUILD:-$top/build-bench}"
newsdex="$build/indexer/newsdex-index"
seed=20240601  # fixed: the corpora must be the same bytes on every machine and run

sizes="1,10,50"
keep=0
prepare=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) [ $# -ge 2 ] || { echo "error: --sizes needs a list such as 1,10" >&2; exit 2; }
             sizes="$2"; shift 2 ;;
    --sizes=*) sizes="${1#--sizes=}"; shift ;;
    --quick) sizes="1"; shift ;;
    --keep) keep=1; shift ;;
    --prepare) prepare=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
IFS=, read -r -a size_list <<< "$sizes"
for s in "${size_list[@]}"; do
  [[ "$s" =~ ^[1-9][0-9]*$ ]] || { echo "error: --sizes takes positive integers, got '$s'" >&2; exit 2; }
done

for tool in g++ xapian-config xapian-compact /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed (scripts/install-deps.sh; apt-get install time)" >&2; exit 2; }
done
if [ ! -x "$newsdex" ]; then
  echo "error: $newsdex not found; build it first:" >&2
  echo "  cmake -S $top -B $build -DCMAKE_BUILD_TYPE=Release && make -C $build -j2 newsdex-index" >&2
  exit 2
fi

mkdir -p "$bench/bin" "$bench/db"
results="$bench/results-$(date +%Y-%m-%d-%H%M%S).txt"
# Everything printed from here on also goes to the results file.
exec > >(tee "$results") 2>&1

# compile(), print_machine() and corpus() are shared with the other benchmark script.
# shellcheck source=scripts/bench/lib.sh
source "$top/scripts/bench/lib.sh"
compile "$top/scripts/bench/gen_corpus.cpp" "$bench/bin/gen_corpus"
# shellcheck disable=SC2046  # xapian-config prints several words on purpose
compile "$top/scripts/bench/baseline_index.cpp" "$bench/bin/baseline_index" \
  $(xapian-config --cxxflags) $(xapian-config --libs)

reuters=$("$top/scripts/fetch-reuters.sh")

print_machine
echo "xapian:  $(xapian-config --version | awk '{print $NF}')"
echo "tree:    $(git -C "$top" rev-parse --short HEAD)$(git -C "$top" diff --quiet HEAD -- common indexer || echo ' (with uncommitted changes)')"
# The tree may have moved on since the binary was built: say when it was.
echo "newsdex: $newsdex, built $(date -r "$newsdex" -Is)"
echo "load before: $(uptime)"


# Approximate distinct words (lower-cased ASCII alphanumeric runs), to show that the
# synthetic vocabulary keeps growing with corpus size as real text does.
echo "== corpora"
declare -A input_dir input_bytes input_records distinct
for s in "${size_list[@]}"; do
  input_dir[$s]=$(corpus "$s" "$reuters")
  if [ "$s" -eq 1 ]; then
    stats=$("$bench/bin/gen_corpus" --count "$reuters")
  else
    stats=$(sed -n 2p "${input_dir[$s]}/MANIFEST")
  fi
  [[ $stats =~ records=([0-9]+).*distinct_words=([0-9]+) ]] ||
    { echo "error: unexpected generator output: $stats" >&2; exit 2; }
  input_records[$s]=${BASH_REMATCH[1]}
  distinct[$s]=${BASH_REMATCH[2]}
  # Bytes of the input files themselves (du would add the folder and the manifest).
  input_bytes[$s]=$(find "${input_dir[$s]}" -type f \( -name 'part-*.jsonl' -o -name '*.json' \) \
                    -printf '%s\n' | awk '{t += $1} END {print t}')
  printf 'x%-3s %8d articles %10.1f MB  %9d distinct words  %s\n' "$s" "${input_records[$s]}" \
    "$(awk -v b="${input_bytes[$s]}" 'BEGIN {print b/1e6}')" "${distinct[$s]}" "${input_dir[$s]}"
done

if [ "$prepare" -eq 1 ]; then echo "corpora ready"; exit 0; fi

# The help is read once into a variable: `newsdex-index --help | grep -q` fails under pipefail
# whenever grep exits before the help is written out (SIGPIPE), and then looks like "no -j".
newsdex_help=$("$newsdex" --help)
# -j runs only when this newsdex-index has the option (it may not yet).
has_j=0
if grep -Eq '(^|[ ,])-j([ ,]|$)' <<< "$newsdex_help"; then has_j=1; fi
# The same for --compact: a new database is compacted by default, but say so, so that the
# timed run is the same whatever the default becomes.
compact_args=()
if grep -Eq '^ +--compact( |$)' <<< "$newsdex_help"; then compact_args=(--compact); fi

# du of a database folder, and of its compacted form. A newsdex database may be a folder of
# shard databases with a stub file: every glass database under it is compacted separately.
compacted_bytes() {
  local db="$1" tmp="$1.compact" total=0 d rel
  rm -rf "$tmp"
  mkdir -p "$tmp"
  while IFS= read -r d; do
    rel=${d#"$db"}; rel=${rel#/}
    mkdir -p "$tmp/${rel:-.}"  # xapian-compact makes only the last folder
    xapian-compact "$d" "$tmp/${rel:-.}/db" >/dev/null
  done < <(find "$db" -name iamglass -printf '%h\n' | sort)
  # No glass database at all would report the empty folder's size as if compacted.
  [ -n "$(ls -A "$tmp")" ] || { echo "error: no glass database under $db" >&2; exit 2; }
  total=$(du -sb "$tmp" | cut -f1)
  rm -rf "$tmp"
  echo "$total"
}

declare -a rows
declare -A wall rss raw compact
# measure SCALE LABEL COMMAND...: COMMAND indexes into $db (set by the caller).
measure() {
  local scale="$1" label="$2"; shift 2
  local timef="$bench/db/time.txt" log="$bench/db/run.log" rc=0
  rm -rf "$db"
  sync  # start each run from the same page-cache state for writes
  /usr/bin/time -f '%e %M' -o "$timef" "$@" > "$log" 2>&1 || rc=$?
  # newsdex-index exits 1 for warnings (bad records): still a complete run.
  if [ "$rc" -gt 1 ]; then
    echo "error: $label x$scale failed (exit $rc):" >&2
    tail -n 20 "$log" >&2
    exit 2
  fi
  [ "$rc" -eq 0 ] || echo "note: $label x$scale finished with warnings: $(grep -c warning "$log") lines"
  local key="$scale/$label"
  wall[$key]=$(tail -n1 "$timef" | cut -d' ' -f1)
  rss[$key]=$(tail -n1 "$timef" | cut -d' ' -f2)
  raw[$key]=$(du -sb "$db" | cut -f1)
  compact[$key]=$(compacted_bytes "$db")
  [ "$keep" -eq 1 ] || rm -rf "$db"
  rows+=("$key")
  # Every figure of the run at once, so a run cut short still leaves the ones before it.
  printf '  %-14s x%-3s %8.1f s  %7.1f MB RSS  index %s / %s bytes raw / compacted\n' \
    "$label" "$scale" "${wall[$key]}" "$(awk -v k="${rss[$key]}" 'BEGIN {print k/1024}')" \
    "${raw[$key]}" "${compact[$key]}"
  echo "      $(tail -n1 "$log")"
}

echo "== runs"
for s in "${size_list[@]}"; do
  in="${input_dir[$s]}"
  db="$bench/db/baseline-x$s.db";  measure "$s" baseline "$bench/bin/baseline_index" "$db" "$in"
  db="$bench/db/newsdex-x$s.db";   measure "$s" newsdex "$newsdex" "${compact_args[@]}" -d "$db" "$in"
  if [ "$has_j" -eq 1 ] && [ "$s" -le 10 ]; then
    db="$bench/db/newsdex-j1-x$s.db"; measure "$s" "newsdex -j 1" "$newsdex" "${compact_args[@]}" -j 1 -d "$db" "$in"
    db="$bench/db/newsdex-j2-x$s.db"; measure "$s" "newsdex -j 2" "$newsdex" "${compact_args[@]}" -j 2 -d "$db" "$in"
  fi
done
echo "load after: $(uptime)"

mbps() { awk -v b="${input_bytes[${1%%/*}]}" -v t="${wall[$1]}" 'BEGIN {printf "%.2f", b/1e6/t}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

echo
echo "== results (MB = 10^6 bytes; index sizes from du -sb, compacted with xapian-compact)"
[ ${#compact_args[@]} -eq 0 ] || echo "(newsdex ran with ${compact_args[*]}: its time includes compaction, its raw size is what it left)"
printf '| %-5s | %-12s | %8s | %6s | %10s | %8s | %18s |\n' \
  size tool "wall s" "MB/s" articles/s "RSS MB" "index MB raw/comp"
printf '|%s|\n' "-------|--------------|----------|--------|------------|----------|--------------------"
for key in "${rows[@]}"; do
  s=${key%%/*}; label=${key#*/}
  printf '| x%-4s | %-12s | %8.1f | %6s | %10.0f | %8.1f | %8.1f / %7.1f |\n' \
    "$s" "$label" "${wall[$key]}" "$(mbps "$key")" \
    "$(awk -v n="${input_records[$s]}" -v t="${wall[$key]}" 'BEGIN {print n/t}')" \
    "$(awk -v k="${rss[$key]}" 'BEGIN {print k/1024}')" \
    "$(awk -v b="${raw[$key]}" 'BEGIN {print b/1e6}')" \
    "$(awk -v b="${compact[$key]}" 'BEGIN {print b/1e6}')"
done

echo
echo "== ratios"
for s in "${size_list[@]}"; do
  printf 'x%-3s newsdex/baseline: throughput %s, compacted size %s\n' "$s" \
    "$(ratio "${wall[$s/baseline]}" "${wall[$s/newsdex]}")" \
    "$(ratio "${compact[$s/newsdex]}" "${compact[$s/baseline]}")"
  printf 'x%-3s newsdex database as newsdex-index left it: %.1f MB\n' "$s" \
    "$(awk -v b="${raw[$s/newsdex]}" 'BEGIN {print b/1e6}')"
  if [ -n "${wall[$s/newsdex -j 1]:-}" ]; then
    printf 'x%-3s newsdex -j 2 / -j 1 throughput: %s\n' "$s" \
      "$(ratio "${wall[$s/newsdex -j 1]}" "${wall[$s/newsdex -j 2]}")"
  fi
done
# How well throughput holds as the index grows: the largest size measured against x1.
largest=$(printf '%s\n' "${size_list[@]}" | sort -n | tail -n1)
if [ -n "${wall[1/newsdex]:-}" ] && [ "$largest" -gt 1 ]; then
  printf 'newsdex throughput x%s / x1: %s\n' "$largest" \
    "$(ratio "$(mbps "$largest/newsdex")" "$(mbps 1/newsdex)")"
fi
[ "$has_j" -eq 1 ] || echo "(newsdex-index has no -j option: no thread-scaling runs)"
echo
echo "results written to $results"
