#!/usr/bin/env bash
# Query benchmark, run by hand (not part of CI): newsdex-search --timing over 500 queries
# drawn from Reuters-21578 (one word rare/mid/common, pairs, phrases, 3-5 words), on the x1
# (Reuters) and x10 (synthetic, as bench-index.sh makes it) databases, with --match any,
# --match all --no-suggest and --match all with suggestions. In the same run, over the same
# database and queries: a small in-process Xapian baseline (get_mset + document data, and
# with MSet::snippet), Xapian's quest once per query, newsdex-search once per query, and
# hyperfine on one query. Prints p50/p95/p99 per query class and keeps a copy in
# data/bench/query-results-<date>.txt. How to read the figures: docs/performance.md.
#
# Usage: scripts/bench-query.sh [--sizes 1,10] [--quick] [--rebuild] [--prepare]
#   --sizes LIST  database sizes as multiples of Reuters (default 1,10; x1 is Reuters itself)
#   --quick       only x1
#   --rebuild     index the databases again (they are kept under data/bench/db/ and reused)
#   --prepare     only fetch, generate, index and write the query set (nothing timed)
# Environment: NEWSDEX_BUILD  build folder holding searcher/newsdex-search and
#                             indexer/newsdex-index (default build-bench, a Release build)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
bench="$top/data/bench"  # git-ignored with the rest of data/
build="${NEWSDEX_BUILD:-$top/build-bench}"
search="$build/searcher/newsdex-search"
index="$build/indexer/newsdex-index"
seed=20240601  # fixed: the corpora and the queries are the same bytes on every machine and run

sizes="1,10"
rebuild=0
prepare=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) [ $# -ge 2 ] || { echo "error: --sizes needs a list such as 1,10" >&2; exit 2; }
             sizes="$2"; shift 2 ;;
    --sizes=*) sizes="${1#--sizes=}"; shift ;;
    --quick) sizes="1"; shift ;;
    --rebuild) rebuild=1; shift ;;
    --prepare) prepare=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
IFS=, read -r -a size_list <<< "$sizes"
for s in "${size_list[@]}"; do
  [[ "$s" =~ ^[1-9][0-9]*$ ]] || { echo "error: --sizes takes positive integers, got '$s'" >&2; exit 2; }
done

need() {  # need TOOL HOW-TO-GET-IT
  command -v "$1" >/dev/null || { echo "error: $1 is needed ($2)" >&2; exit 2; }
}
need g++ "scripts/install-deps.sh"
need xapian-config "scripts/install-deps.sh: libxapian-dev"
need quest "scripts/install-deps.sh: xapian-tools"
need jq "apt-get install jq"
has_hyperfine=1
command -v hyperfine >/dev/null || has_hyperfine=0
for bin in "$search" "$index"; do
  if [ ! -x "$bin" ]; then
    echo "error: $bin not found; build it first:" >&2
    echo "  cmake -S $top -B $build -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache" >&2
    echo "  nice -n 10 cmake --build $build -j2 --target newsdex-search newsdex-index" >&2
    exit 2
  fi
done
if ! "$search" --help | grep -q -- '--timing'; then
  echo "error: $search has no --timing option; rebuild it from this tree" >&2
  exit 2
fi

stamp=$(date +%Y-%m-%d-%H%M%S)
raw="$bench/query-raw-$stamp"  # every per-query figure, for a second look
mkdir -p "$bench/bin" "$bench/db" "$raw"
results="$bench/query-results-$stamp.txt"
# Everything printed from here on also goes to the results file.
exec > >(tee "$results") 2>&1

# compile(), print_machine() and corpus() are shared with the other benchmark script.
# shellcheck source=scripts/bench/lib.sh
source "$top/scripts/bench/lib.sh"
compile "$top/scripts/bench/gen_corpus.cpp" "$bench/bin/gen_corpus"
compile "$top/scripts/bench/gen_queries.cpp" "$bench/bin/gen_queries"
compile "$top/scripts/bench/run_each.cpp" "$bench/bin/run_each"
# shellcheck disable=SC2046  # xapian-config prints several words on purpose
compile "$top/scripts/bench/baseline_query.cpp" "$bench/bin/baseline_query" \
  $(xapian-config --cxxflags) $(xapian-config --libs)

reuters=$("$top/scripts/fetch-reuters.sh")

print_machine
echo "xapian:  $(xapian-config --version | awk '{print $NF}'), quest $(quest --version | awk '{print $NF; exit}')"
echo "tree:    $(git -C "$top" rev-parse --short HEAD)$(git -C "$top" diff --quiet HEAD -- common searcher indexer || echo ' (with uncommitted changes)')"
# The tree may have moved on since the binaries were built: say when they were.
echo "search:  $search, built $(date -r "$search" -Is)"
echo "load before: $(uptime)"


# database SCALE: prints the folder of the database of that size, indexing it unless it is
# there from an earlier run (and --rebuild was not given). Indexing goes to a temporary
# folder renamed when done, and a note beside it (newsdex wants nothing else in the folder)
# is written last, so an interrupted run is never taken for a whole database.
database() {
  local scale="$1" db="$bench/db/query-x$1.db" built="$bench/db/query-x$1.built" in log rc=0
  if [ "$rebuild" -eq 0 ] && [ -f "$built" ] && [ -d "$db" ]; then
    echo "x$scale: reusing database $db ($(cat "$built"))" >&2
    if [ "$index" -nt "$built" ]; then
      echo "x$scale: note: $index is newer than this database; --rebuild indexes it again" >&2
    fi
  else
    in=$(corpus "$scale" "$reuters")
    echo "x$scale: indexing $in" >&2
    rm -rf "$built" "$db" "$db.partial"
    log="$bench/db/query-x$scale.log"
    nice -n 10 "$index" -q -d "$db.partial" "$in" > "$log" 2>&1 || rc=$?
    # newsdex-index exits 1 for warnings (the corpus MANIFEST is a file it skips).
    if [ "$rc" -gt 1 ]; then
      echo "error: indexing x$scale failed (exit $rc):" >&2
      tail -n 20 "$log" >&2
      exit 2
    fi
    mv "$db.partial" "$db"
    echo "indexed $(date -Is) by $index (built $(date -r "$index" -Is)) from $in" > "$built"
  fi
  if ! "$search" -d "$db" --stats > /dev/null 2>&1; then
    echo "error: $search cannot open $db:" >&2
    "$search" -d "$db" --stats >&2 || true
    echo "  (--rebuild indexes it again)" >&2
    exit 2
  fi
  echo "$db"
}

echo "== databases"
declare -A dbs
for s in "${size_list[@]}"; do
  dbs[$s]=$(database "$s")
  printf 'x%-3s %s articles, %s MB (du)  %s\n' "$s" \
    "$("$search" -d "${dbs[$s]}" --stats --format json | jq .articles)" \
    "$(du -sm "${dbs[$s]}" | cut -f1)" "${dbs[$s]}"
done

# One query set for every size, so the sizes are compared on the same queries.
queries="$raw/queries.tsv"
"$bench/bin/gen_queries" "$reuters" "$seed" > "$queries"
echo "== queries: $(wc -l < "$queries") in $queries (sha256 $(sha256sum "$queries" | cut -c1-16))"
cut -f1 "$queries" | sed 's/-.*//' | uniq -c | awk '{printf "  %s %d", $2, $1} END {print ""}'

if [ "$prepare" -eq 1 ]; then echo "databases and queries ready"; exit 0; fi

# Fills the associative array p with "TOOL/CLASS" -> "n p50 p95 p99" from a "qid<TAB>us" file.
declare -A p
load_stats() {  # load_stats TOOL FILE
  local tool="$1" cls n a b c
  while IFS=$'\t' read -r cls n a b c; do p[$tool/$cls]="$n $a $b $c"; done < <(cut -f1,2 "$2" | class_stats)
}
field() {  # field TOOL/CLASS INDEX (0 n, 1 p50, 2 p95, 3 p99): "-" when absent
  local v=${p[$1]:-}
  if [ -z "$v" ]; then echo "-"; return; fi
  read -r -a parts <<< "$v"
  echo "${parts[$2]}"
}
three() { echo "$(field "$1" 1) / $(field "$1" 2) / $(field "$1" 3)"; }
ratio() {  # ratio A B: A/B to two decimals, "-" when either is missing
  if [ "$1" = "-" ] || [ "$2" = "-" ] || [ "$2" -eq 0 ]; then echo "-"; return; fi
  awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'
}

# How busy the rest of the machine was: CPU time spent by every process (from /proc/stat)
# minus this script's own and its children's (from /proc/$$/stat), in clock ticks. The
# machine is shared, and load average cannot tell our work from a colleague's compile.
cpu_ticks() {  # prints "all-busy own elapsed"
  local own
  own=$(sed 's/^.*) //' "/proc/$$/stat" | awk '{print $12 + $13 + $14 + $15}')
  awk -v own="$own" '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, own, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat
}
others_since() {  # others_since "TICKS FROM cpu_ticks": other processes' share of one core
  local a0 o0 e0 a1 o1 e1
  read -r a0 o0 e0 <<< "$1"
  read -r a1 o1 e1 < <(cpu_ticks)
  # /proc/stat's elapsed ticks are summed over the cores; one core's worth is that / nproc.
  awk -v a="$((a1 - a0))" -v o="$((o1 - o0))" -v e="$((e1 - e0))" -v n="$(nproc)" \
    'BEGIN {x = (a - o) / (e / n) * 100; printf "%.0f %%", x < 0 ? 0 : x}'
}

# Runs a command twice, the first time as a warm-up whose output is thrown away.
warm_then() {  # warm_then OUT ERR COMMAND...
  local out="$1" err="$2"; shift 2
  "$@" > /dev/null 2>&1 || true
  "$@" > "$out" 2> "$err" || true
}

classes=(rare mid common words pair phrase long all)
run_size() {
  local s="$1" db="${dbs[$1]}" dir="$raw/x$1" setting mode
  mkdir -p "$dir"

  echo "-- x$s: baselines (warm-up pass, then the timed one)"
  local ticks; ticks=$(cpu_ticks)
  for mode in any all; do
    for work in data snippet; do
      warm_then "$dir/base-$mode-$work.tsv" "$dir/base-$mode-$work.err" \
        "$bench/bin/baseline_query" "$db" "$queries" "$mode" "$work"
      [ "$(wc -l < "$dir/base-$mode-$work.tsv")" -gt 0 ] ||
        { echo "error: baseline_query $mode $work gave nothing:" >&2; cat "$dir/base-$mode-$work.err" >&2; exit 2; }
      load_stats "base-$mode-$work" "$dir/base-$mode-$work.tsv"
    done
    # quest's default stemmer looks for Z terms, which a newsdex database does not have: -s none.
    local op=or; [ "$mode" = all ] && op=and
    warm_then "$dir/quest-$mode.tsv" "$dir/quest-$mode.err" \
      "$bench/bin/run_each" "$queries" quest -d "$db" -m 10 -s none -o "$op"
    load_stats "quest-$mode" "$dir/quest-$mode.tsv"
    local bad; bad=$(awk -F'\t' '$3 != 0' "$dir/quest-$mode.tsv" | wc -l)
    [ "$bad" -eq 0 ] || echo "note: quest -o $op exited non-zero on $bad queries"
  done

  echo "other processes' CPU during the baselines: $(others_since "$ticks") of one core"

  for setting in any all-nosuggest all; do
    local -a opts
    case "$setting" in
      any) opts=(--match any); mode=any; label="--match any (suggestions on)" ;;
      all-nosuggest) opts=(--match all --no-suggest); mode=all; label="--match all --no-suggest" ;;
      all) opts=(--match all); mode=all; label="--match all (suggestions on, the default)" ;;
    esac
    local out="$dir/newsdex-$setting.jsonl" err="$dir/newsdex-$setting.err" ticks
    ticks=$(cpu_ticks)
    warm_then "$out" "$err" "$search" -d "$db" --queries "$queries" --format jsonl -n 10 --timing "${opts[@]}"
    # The closing line of each query: {"query", "qid", "time_us", "total", "suggestion"?}.
    jq -r 'select(has("time_us")) | [.qid, .time_us, .total, (if has("suggestion") then 1 else 0 end)] | @tsv' \
      "$out" > "$dir/newsdex-$setting.tsv"
    local ran; ran=$(wc -l < "$dir/newsdex-$setting.tsv")
    if [ "$ran" -eq 0 ]; then
      echo "error: newsdex-search $setting timed no query:" >&2; tail -n 5 "$err" >&2; exit 2
    fi
    load_stats "newsdex-$setting" "$dir/newsdex-$setting.tsv"
    # Queries that got a suggestion, and those under 3 matches (where the suggester runs).
    awk -F'\t' '$4 == 1 {print "suggested\t" $2}' "$dir/newsdex-$setting.tsv" > "$dir/newsdex-$setting-suggested.tsv"
    awk -F'\t' '$3 < 3 {print "under3\t" $2}' "$dir/newsdex-$setting.tsv" > "$dir/newsdex-$setting-under3.tsv"
    local cls n a b c
    for f in suggested under3; do
      while IFS=$'\t' read -r cls n a b c; do
        [ "$cls" = all ] || continue
        p[newsdex-$setting/$f]="$n $a $b $c"
      done < <(class_stats < "$dir/newsdex-$setting-$f.tsv")
    done

    warm_then "$dir/process-$setting.tsv" "$dir/process-$setting.err" \
      "$bench/bin/run_each" "$queries" "$search" -d "$db" -n 10 --format jsonl "${opts[@]}"
    load_stats "process-$setting" "$dir/process-$setting.tsv"
    bad=$(awk -F'\t' '$3 > 1' "$dir/process-$setting.tsv" | wc -l)
    [ "$bad" -eq 0 ] || echo "note: newsdex-search exited with an error (2) on $bad queries one per process"

    echo
    echo "== x$s, newsdex $label"
    echo "newsdex's own summary (its time includes printing the hits; time_us below stops where printing starts):"
    echo "  $(grep '^timing:' "$err" | tr '\n' ' ')"
    local failed; failed=$(grep -c '^error:' "$err" || true)
    [ "$failed" -eq 0 ] || echo "note: $failed queries failed (error lines in $err)"
    echo "other processes' CPU during this setting's runs: $(others_since "$ticks") of one core; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "In one process, µs, p50 / p95 / p99 (nearest rank); baseline = Xapian QueryParser ($mode) + get_mset(0,10) + data;"
    echo "no hits = queries with no match, newsdex / baseline:"
    printf '| %-9s | %3s | %-20s | %-20s | %-20s | %10s | %10s | %8s |\n' class n newsdex "baseline data" \
      "baseline + snippet" "p50 / data" "/ snippet" "no hits"
    printf '|%s|\n' "-----------|-----|----------------------|----------------------|----------------------|------------|------------|----------"
    local rows=("${classes[@]}")
    [ "$setting" = all-nosuggest ] || rows+=(suggested under3)
    for cls in "${rows[@]}"; do
      local nd="newsdex-$setting/$cls" bd="base-$mode-data/$cls" bs="base-$mode-snippet/$cls"
      local misses="-"
      case "$cls" in
        suggested|under3) bd=- bs=- ;;
        *) misses="$(class_misses "$dir/newsdex-$setting.tsv" "$cls" 3) / $(class_misses "$dir/base-$mode-data.tsv" "$cls" 3)" ;;
      esac
      printf '| %-9s | %3s | %-20s | %-20s | %-20s | %10s | %10s | %8s |\n' "$cls" "$(field "$nd" 0)" "$(three "$nd")" \
        "$(three "$bd")" "$(three "$bs")" "$(ratio "$(field "$nd" 1)" "$(field "$bd" 1)")" \
        "$(ratio "$(field "$nd" 1)" "$(field "$bs" 1)")" "$misses"
    done
    echo "(suggested: the queries whose closing line has a \"suggestion\"; under3: fewer than 3 matches, where the suggester runs)"
    echo
    echo "One process per query, whole process (start-up and opening the database included), µs, p50 / p95 / p99;"
    echo "quest -m 10 -s none -o $( [ "$mode" = all ] && echo and || echo or ):"
    printf '| %-9s | %-21s | %-20s | %11s |\n' class "newsdex-search" "quest" "p50 / quest"
    printf '|%s|\n' "-----------|-----------------------|----------------------|-------------"
    for cls in "${classes[@]}"; do
      printf '| %-9s | %-21s | %-20s | %11s |\n' "$cls" "$(three "process-$setting/$cls")" \
        "$(three "quest-$mode/$cls")" "$(ratio "$(field "process-$setting/$cls" 1)" "$(field "quest-$mode/$cls" 1)")"
    done
  done

  if [ "$has_hyperfine" -eq 1 ]; then
    echo
    echo "== x$s, one query, whole process: hyperfine -N -w 5 -r 40"
    # quest with its defaults stems to Z terms, which a newsdex database does not have: it
    # finds nothing. So it is also timed without stemming, with its default OR and with AND
    # (newsdex's default).
    ticks=$(cpu_ticks)
    hyperfine -N -w 5 -r 40 --export-json "$dir/hyperfine.json" \
      -n "newsdex-search -n 10 'crude oil'" "$search -d $db -n 10 'crude oil'" \
      -n "quest 'crude oil'" "quest -d $db 'crude oil'" \
      -n "quest -s none 'crude oil'" "quest -d $db -s none 'crude oil'" \
      -n "quest -s none -o and 'crude oil'" "quest -d $db -s none -o and 'crude oil'" > "$dir/hyperfine.txt" 2>&1 ||
      { echo "error: hyperfine failed:" >&2; cat "$dir/hyperfine.txt" >&2; exit 2; }
    echo "matches: quest $(quest -d "$db" 'crude oil' | sed -n 2p); quest -s none $(quest -d "$db" -s none 'crude oil' | sed -n 2p);"
    echo "  quest -s none -o and $(quest -d "$db" -s none -o and 'crude oil' | sed -n 2p); newsdex $("$search" -d "$db" --count 'crude oil')"
    jq -r '.results[] | "  median \(.median * 1000 | . * 100 | round / 100) ms  mean \(.mean * 1000 | . * 100 | round / 100) ms ± \(.stddev * 1000 | . * 100 | round / 100)  \(.command)"' \
      "$dir/hyperfine.json"
    echo "other processes' CPU during hyperfine: $(others_since "$ticks") of one core"
  else
    echo "(hyperfine not installed: no one-shot figures; apt-get install hyperfine)"
  fi
}

# class_misses FILE CLASS COLUMN: queries of CLASS with 0 in COLUMN (newsdex total, baseline estimate).
class_misses() {
  awk -F'\t' -v want="$2" -v col="$3" '{ c = $1; sub(/-.*/, "", c)
      if (want == "all" || c == want || (want == "words" && (c == "rare" || c == "mid" || c == "common")))
        if ($col == 0) n++ }
      END { print n + 0 }' "$1"
}

for s in "${size_list[@]}"; do
  echo
  echo "===== x$s: ${dbs[$s]}"
  run_size "$s"
done
echo
echo "load after: $(uptime)"
echo "per-query figures in $raw"
echo "results written to $results"
