#!/usr/bin/env bash
# Sizing benchmark, run by hand (not part of CI): what a query costs on one shard as the
# corpus grows (x1 = Reuters, x10 = synthetic, as bench-query.sh makes them), what the hop to
# a part served by xapian-tcpsrv on loopback costs, and how latency grows with the number of
# parts searched as one (1, 2, 4, 8 parts of one corpus, one shard each, as N -d options or
# as a stub of N "remote" lines, one xapian-tcpsrv each). Every figure is newsdex-search
# --timing over the 500 queries of bench-query.sh (--match all --no-suggest), best of --rounds
# per query, with ratios to a baseline measured in the same run; also the suggester's cost over
# a remote part, peak RSS (/usr/bin/time) and database sizes.
# Prints p50/p95 per query class and keeps a copy in data/bench/parts-results-<date>.txt.
# How to read the figures: docs/scaling.md.
#
# Usage: scripts/bench-parts.sh [--quick] [--sizes 1,10] [--parts 1,2,4,8] [--parts-size 10]
#                               [--rounds 3] [--each 100] [--rebuild] [--prepare]
#   --quick         x1 only, parts of x1, one round
#   --sizes LIST    one-shard databases to measure, as multiples of Reuters; 1 (Reuters itself,
#                   the baseline) first (default 1,10; 1,50 measures the 1 M-article x50)
#   --parts LIST    part counts for the parts table (default 1,2,4,8)
#   --parts-size S  the corpus split into parts (added to the sizes; default 10)
#   --rounds R      timed passes over the queries per configuration, after one warm-up pass;
#                   each query's time is its best of R (default 3)
#   --each N        also time the first N queries one process each (start-up, opening the
#                   parts and connecting included), and with suggestions on (the default
#                   --match all) at x1, local and remote; 0 for neither (default 100)
#   --rebuild       index the databases again (they are kept under data/bench/db/ and reused)
#   --prepare       only fetch, generate and index (nothing timed)
# Environment: NEWSDEX_BUILD  build folder holding searcher/newsdex-search and
#                             indexer/newsdex-index (default build-bench, a Release build)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
bench="$top/data/bench"  # git-ignored with the rest of data/
build="${NEWSDEX_BUILD:-$top/build-bench}"
search="$build/searcher/newsdex-search"
index="$build/indexer/newsdex-index"
seed=20240601  # the same corpora and queries as bench-query.sh and bench-index.sh

sizes=(1 10)
part_counts="1,2,4,8"
parts_size=10
rounds=3
each=100
# The timed matrix runs without suggestions: over a remote part the suggester reads the
# vocabulary through the connection, about half a second a query at x1, so it is measured
# apart, on the first --each queries at x1 (section "suggestions" of the output).
setting_list=(nosuggest)
rebuild=0
prepare=0
command_line="$0 $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) sizes=(1); parts_size=1; rounds=1; shift ;;
    --sizes) [ $# -ge 2 ] || { echo "error: --sizes needs a list such as 1,10" >&2; exit 2; }
             IFS=, read -r -a sizes <<< "$2"; shift 2 ;;
    --parts) [ $# -ge 2 ] || { echo "error: --parts needs a list such as 1,2,4,8" >&2; exit 2; }
             part_counts="$2"; shift 2 ;;
    --parts-size) [ $# -ge 2 ] || { echo "error: --parts-size needs a size such as 10" >&2; exit 2; }
                  parts_size="$2"; shift 2 ;;
    --rounds) [ $# -ge 2 ] || { echo "error: --rounds needs a number" >&2; exit 2; }
              rounds="$2"; shift 2 ;;
    --each) [ $# -ge 2 ] || { echo "error: --each needs a number" >&2; exit 2; }
            each="$2"; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    --prepare) prepare=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
IFS=, read -r -a part_list <<< "$part_counts"
for n in "${part_list[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]?$ ]] || { echo "error: --parts takes counts from 1 to 99, got '$n'" >&2; exit 2; }
done
for s in "${sizes[@]}"; do
  [[ "$s" =~ ^[1-9][0-9]*$ ]] || { echo "error: --sizes takes positive integers, got '$s'" >&2; exit 2; }
done
[ "${sizes[0]}" = 1 ] || { echo "error: --sizes starts with 1: x1 is the baseline of the ratios" >&2; exit 2; }
[[ "$parts_size" =~ ^[1-9][0-9]*$ ]] || { echo "error: --parts-size takes a positive integer, got '$parts_size'" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "error: --rounds takes a positive number, got '$rounds'" >&2; exit 2; }
[[ "$each" =~ ^[0-9]+$ ]] || { echo "error: --each takes a number, got '$each'" >&2; exit 2; }
# The parts' corpus is measured whole too (N = 1 is the one-shard database of that size).
[[ " ${sizes[*]} " == *" $parts_size "* ]] || sizes+=("$parts_size")

need() {  # need TOOL HOW-TO-GET-IT
  command -v "$1" >/dev/null || { echo "error: $1 is needed ($2)" >&2; exit 2; }
}
need g++ "scripts/install-deps.sh"
need xapian-tcpsrv "scripts/install-deps.sh: xapian-tools"
need jq "apt-get install jq"
need python3 "apt-get install python3"
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
for bin in "$search" "$index"; do
  if [ ! -x "$bin" ]; then
    echo "error: $bin not found; build it first:" >&2
    echo "  cmake -S $top -B $build -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache" >&2
    echo "  nice -n 10 cmake --build $build -j2 --target newsdex-search newsdex-index" >&2
    exit 2
  fi
done
search_help=$("$search" --help)
index_help=$("$index" --help)
for opt in --timing --timeout; do
  [[ "$search_help" == *"$opt"* ]] || { echo "error: $search has no $opt option; rebuild it from this tree" >&2; exit 2; }
done
# How a corpus is split into parts: by newsdex-index --part K/N (each article goes to the part
# its key hashes to) when the indexer has it; otherwise each part is given its own share of
# the input (JSON Lines records, or whole files for Reuters' JSON arrays), dealt round-robin.
split_by=input
[[ "$index_help" == *"--part"* ]] && split_by="hash"

stamp=$(date +%Y-%m-%d-%H%M%S)
raw="$bench/parts-raw-$stamp"  # every per-query figure, for a second look
mkdir -p "$bench/bin" "$bench/db" "$raw"
results="$bench/parts-results-$stamp.txt"
# Everything printed from here on also goes to the results file.
exec > >(tee "$results") 2>&1

# compile(), print_machine(), corpus() and class_stats() are shared with the other benchmarks.
# shellcheck source=scripts/bench/lib.sh
source "$top/scripts/bench/lib.sh"
compile "$top/scripts/bench/gen_corpus.cpp" "$bench/bin/gen_corpus"
compile "$top/scripts/bench/gen_queries.cpp" "$bench/bin/gen_queries"
compile "$top/scripts/bench/run_each.cpp" "$bench/bin/run_each"

reuters=$("$top/scripts/fetch-reuters.sh")

print_machine
echo "xapian:  $(xapian-config --version | awk '{print $NF}')"
echo "tree:    $(git -C "$top" rev-parse --short HEAD)$(git -C "$top" diff --quiet HEAD -- common searcher indexer || echo ' (with uncommitted changes)')"
echo "search:  $search, built $(date -r "$search" -Is)"
echo "index:   $index, built $(date -r "$index" -Is)"
echo "command: $command_line"
echo "parts:   ${part_list[*]} of x$parts_size, split by $( [ "$split_by" = hash ] && echo 'newsdex-index --part K/N' || echo 'input (each part its own share of the corpus)')"
echo "load before: $(uptime)"

# ---------------------------------------------------------------- databases

# index_db DB NOTE INPUT... : indexes INPUT into DB with one writer (one shard) unless DB is
# there from an earlier run made the same way (NOTE, the recipe, equals the note kept beside
# it) and --rebuild was not given. Indexing goes to a temporary folder renamed when done, and
# the note is written last, so an interrupted run is never taken for a whole database.
# Extra newsdex-index options come from the array index_extra.
index_extra=()
index_db() {
  local db="$1" note="$2" built="$1.built" log="$1.log" rc=0; shift 2
  if [ "$rebuild" -eq 0 ] && [ -d "$db" ] && [ -f "$built" ] && [ "$(head -n1 "$built")" = "$note" ]; then
    return 0
  fi
  rm -rf "$built" "$db" "$db.partial"
  mkdir -p "$(dirname "$db")"
  local t0; t0=$(date +%s.%N)
  nice -n 10 "$index" -q -j 1 "${index_extra[@]}" -d "$db.partial" "$@" > "$log" 2>&1 || rc=$?
  # newsdex-index exits 1 for warnings (a corpus MANIFEST is a file it skips).
  if [ "$rc" -gt 1 ]; then
    echo "error: indexing $db failed (exit $rc):" >&2
    tail -n 20 "$log" >&2
    return 2
  fi
  mv "$db.partial" "$db"
  { echo "$note"; echo "indexed $(date -Is) in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s by $index (built $(date -r "$index" -Is))"; } > "$built"
}

# Up to two indexers at a time (each writes one shard with one thread; the machine has two
# cores); a failure of any is reported when it is waited for.
jobs_running=0
run_bg() {
  if [ "$jobs_running" -ge 2 ]; then wait -n || exit 2; jobs_running=$((jobs_running - 1)); fi
  "$@" &
  jobs_running=$((jobs_running + 1))
}
wait_all() {
  while [ "$jobs_running" -gt 0 ]; do wait -n || exit 2; jobs_running=$((jobs_running - 1)); done
}

# The input of part K (1-based) of N when splitting by input: records of JSON Lines files
# dealt round-robin into files of their own, or Reuters' JSON array files dealt whole.
split_input() {  # split_input CORPUS N K → prints the folder
  local in="$1" n="$2" k="$3" dir="$bench/split-x$parts_size-of$2/part-$3"
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    local f i=0
    for f in "$in"/*.json "$in"/*.jsonl; do
      [ -f "$f" ] || continue
      case "$f" in
        *.jsonl) awk -v n="$n" -v k="$k" '(NR - 1) % n == k - 1' "$f" > "$dir/$(basename "$f")" ;;
        *) if [ $((i % n)) -eq $((k - 1)) ]; then cp "$f" "$dir/"; fi; i=$((i + 1)) ;;
      esac
    done
    touch "$dir/.done"
  fi
  echo "$dir"
}

declare -A corpus_of one_shard
for s in "${sizes[@]}"; do
  corpus_of[$s]=$(corpus "$s" "$reuters")
  one_shard[$s]="$bench/db/one-shard-x$s.db"
done
part_db() { echo "$bench/db/parts-x$parts_size-of$1-$split_by/part-$2.db"; }

echo "== indexing (one shard each; reused when there from an earlier run)"
for s in "${sizes[@]}"; do
  index_extra=()
  run_bg index_db "${one_shard[$s]}" "one shard of ${corpus_of[$s]}" "${corpus_of[$s]}"
done
for n in "${part_list[@]}"; do
  [ "$n" -eq 1 ] && continue
  for ((k = 1; k <= n; k++)); do
    if [ "$split_by" = hash ]; then
      index_extra=(--part "$((k - 1))/$n")  # newsdex-index numbers parts from 0
      run_bg index_db "$(part_db "$n" "$k")" "part $k/$n of ${corpus_of[$parts_size]}" "${corpus_of[$parts_size]}"
    else
      index_extra=()
      in=$(split_input "${corpus_of[$parts_size]}" "$n" "$k")
      run_bg index_db "$(part_db "$n" "$k")" "records $k of $n of ${corpus_of[$parts_size]}" "$in"
    fi
  done
done
wait_all

# The parts of the N-part configuration, as folders.
parts_of() {  # parts_of N → one folder a line
  local n="$1" k
  if [ "$n" -eq 1 ]; then echo "${one_shard[$parts_size]}"; return; fi
  for ((k = 1; k <= n; k++)); do part_db "$n" "$k"; done
}
articles_of() { "$search" -d "$1" --stats --format json | jq .articles; }

echo
echo "== databases (du -sb; every one made by newsdex-index -j 1, so one compacted glass shard)"
printf '| %-28s | %9s | %9s | %14s |\n' database articles MB "bytes/article"
printf '|%s|\n' "------------------------------|-----------|-----------|----------------"
size_row() {  # size_row LABEL FOLDER...
  local label="$1" a=0 b=0 d; shift
  for d in "$@"; do
    a=$((a + $(articles_of "$d")))
    b=$((b + $(du -sb "$d" | cut -f1)))
  done
  printf '| %-28s | %9d | %9.1f | %14.0f |\n' "$label" "$a" "$(awk -v b="$b" 'BEGIN {print b / 1e6}')" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN {print a ? b / a : 0}')"
}
for s in "${sizes[@]}"; do size_row "x$s, one shard" "${one_shard[$s]}"; done
for n in "${part_list[@]}"; do
  [ "$n" -eq 1 ] && continue
  mapfile -t ps < <(parts_of "$n")
  size_row "x$parts_size in $n parts (sum)" "${ps[@]}"
  for ((k = 1; k <= n; k++)); do size_row "  part $k/$n" "${ps[$((k - 1))]}"; done
done

# One query set for every configuration (bench-query.sh's, from the same seed).
queries="$raw/queries.tsv"
"$bench/bin/gen_queries" "$reuters" "$seed" > "$queries"
each_queries="$raw/queries-each.tsv"
head -n "$each" "$queries" > "$each_queries"
echo
echo "== queries: $(wc -l < "$queries") in $queries (sha256 $(sha256sum "$queries" | cut -c1-16)); one process each: the first $each"
cut -f1 "$queries" | sed 's/-.*//' | uniq -c | awk '{printf "  %s %d", $2, $1} END {print ""}'

if [ "$prepare" -eq 1 ]; then echo "databases and queries ready"; exit 0; fi

# ---------------------------------------------------------------- servers

# One xapian-tcpsrv per glass shard, on a free loopback port, under /usr/bin/time -v so that
# its peak RSS is known when it is stopped (xapian-tcpsrv forks a process per connection and
# reaps it, so the figure is the largest of the listener and its connections' processes).
declare -a time_pids=()  # the /usr/bin/time processes; each one's child is the server
free_port() {  # a loopback port nothing listens on now (the kernel's pick for a socket closed at once)
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
accepts() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
# A server is stopped with SIGHUP: on SIGTERM xapian-tcpsrv kills its whole process group
# (killpg), so each also runs in a session of its own (setsid), away from this script's
# group; SIGINT would do nothing, a background command of a script ignoring it.
stop_server() {  # stop_server TIME-PID: SIGHUP to the server, then a bounded wait for time to report
  local tpid="$1" child i
  child=$(pgrep -P "$tpid" || true)
  [ -n "$child" ] && kill -HUP "$child" 2>/dev/null
  for ((i = 0; i < 50; i++)); do kill -0 "$tpid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$tpid" 2>/dev/null && kill -9 "$tpid" ${child:+"$child"} 2>/dev/null
  wait "$tpid" 2>/dev/null || true
}
stop_servers() {
  local t
  for t in "${time_pids[@]}"; do stop_server "$t"; done
  time_pids=()
}
trap stop_servers EXIT
trap 'exit 130' INT TERM
started_port=0
start_server() {  # start_server SHARD LOG: sets started_port
  local shard="$1" log="$2" try i port tpid
  for ((try = 0; try < 5; try++)); do
    port=$(free_port)
    setsid /usr/bin/time -v -o "$log.time" xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$shard" > "$log" 2>&1 &
    tpid=$!
    for ((i = 0; i < 100; i++)); do  # at most 10 s
      if accepts "$port"; then time_pids+=("$tpid"); started_port=$port; return 0; fi
      kill -0 "$tpid" 2>/dev/null || break  # the port was taken meanwhile: try another
      sleep 0.1
    done
    stop_server "$tpid"
  done
  echo "error: xapian-tcpsrv did not start for $shard:" >&2
  cat "$log" >&2
  exit 2
}
shard_of() {  # the one glass shard of a Newsdex folder made with -j 1, as its stub names it
  local names; names=$(awk '$1 == "auto" || $1 == "glass" {print $2}' "$1/XAPIANDB")
  [ "$(wc -l <<< "$names")" -eq 1 ] || { echo "error: $1 has more than one shard" >&2; exit 2; }
  echo "$1/$names"
}
# remote_stub NAME FOLDER...: starts a server per folder's shard and writes a stub of them
# to $raw/NAME.stub (not called in $(...): the servers must be this shell's own children).
remote_stub() {
  local name="$1" stub="$raw/$1.stub" d i=0; shift
  : > "$stub"
  for d in "$@"; do
    i=$((i + 1))
    start_server "$(shard_of "$d")" "$raw/server-$name-$i"
    echo "remote 127.0.0.1:$started_port" >> "$stub"
  done
}

# ---------------------------------------------------------------- configurations

# A configuration is a name and the -d options that open it. Every one is timed in each round,
# the rounds one after the other, so a colleague's compile that comes and goes falls on all
# configurations alike.
declare -A sources
config_names=()
add_config() { config_names+=("$1"); sources[$1]="$2"; }  # add_config NAME "-d A -d B ..."
for s in "${sizes[@]}"; do
  add_config "x$s-local" "-d ${one_shard[$s]}"
  remote_stub "x$s" "${one_shard[$s]}"
  add_config "x$s-remote" "-d $raw/x$s.stub"
done
for n in "${part_list[@]}"; do
  [ "$n" -eq 1 ] && continue
  mapfile -t ps < <(parts_of "$n")
  d_opts=""
  for d in "${ps[@]}"; do d_opts+=" -d $d"; done
  add_config "p$n-local" "$d_opts"
  remote_stub "p$n" "${ps[@]}"
  add_config "p$n-remote" "-d $raw/p$n.stub"
done
echo
echo "== servers: ${#time_pids[@]} xapian-tcpsrv on loopback (one per remote shard)"
# The N = 1 rows of the parts table are the one-shard database of that size.
cfg_of() {  # cfg_of N local|remote
  if [ "$1" -eq 1 ]; then echo "x$parts_size-$2"; else echo "p$1-$2"; fi
}

setting_opts() {
  case "$1" in
    nosuggest) echo "--match all --no-suggest" ;;
    default) echo "--match all" ;;
  esac
}

# One pass of a configuration over the queries: per-query "qid<TAB>µs<TAB>total" from the
# closing JSON Lines line of each query ("time_us": parsing to the moment printing starts),
# and the process's peak RSS in KB.
pass() {  # pass CONFIG SETTING OUT-PREFIX [QUERIES]
  local cfg="$1" setting="$2" out="$3" rc=0 opts query_file="${4:-$queries}"
  read -r -a opts <<< "$(setting_opts "$setting")"
  # shellcheck disable=SC2086  # the sources are a list of words on purpose
  /usr/bin/time -f '%M' -o "$out.rss" "$search" ${sources[$cfg]} --timeout 60000 --queries "$query_file" \
    --format jsonl -n 10 --timing "${opts[@]}" > "$out.jsonl" 2> "$out.err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "error: newsdex-search over $cfg ($setting) failed (exit $rc):" >&2; tail -n 5 "$out.err" >&2; exit 2
  fi
  jq -r 'select(has("time_us")) | [.qid, .time_us, .total] | @tsv' "$out.jsonl" > "$out.tsv"
  rm -f "$out.jsonl"
}

# How busy the rest of the machine was: CPU time all processes took (from /proc/stat) minus
# this script's and its children's, as a share of one core. The servers are children too.
cpu_ticks() {
  local own
  own=$(sed 's/^.*) //' "/proc/$$/stat" | awk '{print $12 + $13 + $14 + $15}')
  awk -v own="$own" '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, own, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat
}
others_since() {
  local a0 o0 e0 a1 o1 e1
  read -r a0 o0 e0 <<< "$1"
  read -r a1 o1 e1 < <(cpu_ticks)
  awk -v a="$((a1 - a0))" -v o="$((o1 - o0))" -v e="$((e1 - e0))" -v n="$(nproc)" \
    'BEGIN {x = (a - o) / (e / n) * 100; printf "%.0f %%", x < 0 ? 0 : x}'
}

echo
echo "== timing: ${#config_names[@]} configurations: one warm-up pass, then $rounds rounds"
ticks=$(cpu_ticks)
t0=$(date +%s)
for setting in "${setting_list[@]}"; do
  for cfg in "${config_names[@]}"; do pass "$cfg" "$setting" "$raw/$cfg-$setting-warm"; done
done
for ((r = 1; r <= rounds; r++)); do
  for setting in "${setting_list[@]}"; do
    for cfg in "${config_names[@]}"; do pass "$cfg" "$setting" "$raw/$cfg-$setting-r$r"; done
  done
  echo "round $r done at $(date +%T); load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
# Best of the rounds per query; the largest peak RSS of the rounds.
for setting in "${setting_list[@]}"; do
  for cfg in "${config_names[@]}"; do
    cat "$raw/$cfg-$setting"-r*.tsv | sort -t$'\t' -k1,1 -k2,2n |
      awk -F'\t' '$1 != q {print; q = $1}' > "$raw/$cfg-$setting.tsv"
    sort -n "$raw/$cfg-$setting"-r*.rss | tail -n1 > "$raw/$cfg-$setting.rss"
  done
done
if [ "$each" -gt 0 ]; then
  read -r -a opts <<< "$(setting_opts nosuggest)"
  for cfg in "${config_names[@]}"; do
    # shellcheck disable=SC2086  # the sources are a list of words on purpose
    "$bench/bin/run_each" "$each_queries" "$search" ${sources[$cfg]} --timeout 60000 -n 10 --format jsonl \
      "${opts[@]}" > "$raw/$cfg-each.tsv"
  done
  # Suggestions on: x1, one shard, local (a warm-up pass first) and remote (one pass).
  pass x1-local default "$raw/x1-local-suggest-warm" "$each_queries"
  pass x1-local default "$raw/x1-local-suggest" "$each_queries"
  pass x1-remote default "$raw/x1-remote-suggest" "$each_queries"
fi
echo "timed in $(( $(date +%s) - t0 )) s; other processes' CPU meanwhile: $(others_since "$ticks") of one core"

# ---------------------------------------------------------------- figures

declare -A p  # "CONFIG-SETTING/CLASS" -> "n p50 p95 p99"
load_stats() {  # load_stats KEY FILE
  local cls n a b c
  while IFS=$'\t' read -r cls n a b c; do p[$1/$cls]="$n $a $b $c"; done < <(cut -f1,2 "$2" | class_stats)
}
for cfg in "${config_names[@]}"; do
  for setting in "${setting_list[@]}"; do load_stats "$cfg-$setting" "$raw/$cfg-$setting.tsv"; done
  [ "$each" -gt 0 ] && load_stats "$cfg-each" "$raw/$cfg-each.tsv"
done
if [ "$each" -gt 0 ]; then
  for cfg in x1-local x1-remote; do
    load_stats "$cfg-suggest" "$raw/$cfg-suggest.tsv"
    # The queries under 3 matches, for which the suggester runs.
    while IFS=$'\t' read -r cls n a b c; do
      [ "$cls" = all ] && p[$cfg-suggest/under3]="$n $a $b $c"
    done < <(awk -F'\t' '$3 < 3 {print "under3\t" $2}' "$raw/$cfg-suggest.tsv" | class_stats)
  done
fi
field() {  # field KEY INDEX (0 n, 1 p50, 2 p95, 3 p99): "-" when absent
  local v=${p[$1]:-}
  if [ -z "$v" ]; then echo "-"; return; fi
  read -r -a parts <<< "$v"
  echo "${parts[$2]}"
}
two() { echo "$(field "$1" 1) / $(field "$1" 2)"; }
ratio() {  # ratio A B: A/B to two decimals, "-" when either is missing
  if [ "$1" = "-" ] || [ "$2" = "-" ] || [ "$2" -eq 0 ]; then echo "-"; return; fi
  awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'
}
rss_mb() { awk '{printf "%.0f", $1 / 1024}' "$raw/$1.rss"; }
# Queries whose number of matches differs between two configurations, which must agree (the
# same articles, whether local, remote or split) where the number is exact: newsdex counts
# exactly up to 1,000 matches and estimates above, and estimates depend on the layout.
differ() {  # differ CONFIG-A CONFIG-B SETTING
  join -t$'\t' <(cut -f1,3 "$raw/$1-$3.tsv" | sort) <(cut -f1,3 "$raw/$2-$3.tsv" | sort) |
    awk -F'\t' '$2 != $3 && ($2 <= 1000 || $3 <= 1000) {n++} END {print n + 0}'
}
classes=(rare mid common pair phrase long all)

for setting in "${setting_list[@]}"; do
  label="--match all --no-suggest"; [ "$setting" = default ] && label="--match all (suggestions on, the default)"
  echo
  echo "=================== newsdex-search $label; µs, p50 / p95 (nearest rank), best of $rounds per query"

  echo
  if [ "${#sizes[@]}" -gt 1 ]; then
    echo "== (a) one shard: $(printf 'x%s ' "${sizes[@]:1}")against x1 (the baseline)"
  else
    echo "== (a) one shard: x1 (--sizes 1,10 compares x10 with it)"
  fi
  printf '| %-7s | %3s |' class n
  for s in "${sizes[@]}"; do printf ' %-15s |' "x$s"; done
  for s in "${sizes[@]:1}"; do printf ' x%s/x1 p50 | x%s/x1 p95 |' "$s" "$s"; done
  echo
  for cls in "${classes[@]}"; do
    printf '| %-7s | %3s |' "$cls" "$(field "x1-local-$setting/$cls" 0)"
    for s in "${sizes[@]}"; do printf ' %-15s |' "$(two "x$s-local-$setting/$cls")"; done
    for s in "${sizes[@]:1}"; do
      printf ' %10s | %10s |' "$(ratio "$(field "x$s-local-$setting/$cls" 1)" "$(field "x1-local-$setting/$cls" 1)")" \
        "$(ratio "$(field "x$s-local-$setting/$cls" 2)" "$(field "x1-local-$setting/$cls" 2)")"
    done
    echo
  done
  for s in "${sizes[@]}"; do
    echo "x$s: newsdex-search peak RSS $(rss_mb "x$s-local-$setting") MB"
  done

  echo
  echo "== (b) the remote hop: one shard served by xapian-tcpsrv on loopback against the same shard opened locally (the baseline)"
  for s in "${sizes[@]}"; do
    echo "x$s (queries whose match count differs, remote against local: $(differ "x$s-remote" "x$s-local" "$setting"))"
    printf '| %-7s | %3s | %-15s | %-15s | %14s | %14s |\n' class n local remote "remote/local p50" "p95"
    for cls in "${classes[@]}"; do
      printf '| %-7s | %3s | %-15s | %-15s | %14s | %14s |\n' "$cls" "$(field "x$s-local-$setting/$cls" 0)" \
        "$(two "x$s-local-$setting/$cls")" "$(two "x$s-remote-$setting/$cls")" \
        "$(ratio "$(field "x$s-remote-$setting/$cls" 1)" "$(field "x$s-local-$setting/$cls" 1)")" \
        "$(ratio "$(field "x$s-remote-$setting/$cls" 2)" "$(field "x$s-local-$setting/$cls" 2)")"
    done
    echo "peak RSS: newsdex-search $(rss_mb "x$s-local-$setting") MB local, $(rss_mb "x$s-remote-$setting") MB remote"
  done

  echo
  echo "== (c) x$parts_size in N parts of one shard each, searched as one: N -d folders (local) or a stub of N"
  echo "   remote lines, one xapian-tcpsrv each (remote); all $(field "x1-local-$setting/all" 0) queries; ratios to N = 1 of the same kind"
  printf '| %5s | %-15s | %-15s | %9s | %9s | %9s | %9s | %12s | %11s | %7s |\n' parts local remote \
    "local p50" "p95" "remote p50" "p95" "remote/local" "RSS MB l/r" "differ"
  for n in "${part_list[@]}"; do
    l=$(cfg_of "$n" local)-$setting; rm_=$(cfg_of "$n" remote)-$setting
    l1=$(cfg_of 1 local)-$setting; r1=$(cfg_of 1 remote)-$setting
    printf '| %5s | %-15s | %-15s | %9s | %9s | %9s | %9s | %12s | %11s | %7s |\n' "$n" "$(two "$l/all")" "$(two "$rm_/all")" \
      "$(ratio "$(field "$l/all" 1)" "$(field "$l1/all" 1)")" "$(ratio "$(field "$l/all" 2)" "$(field "$l1/all" 2)")" \
      "$(ratio "$(field "$rm_/all" 1)" "$(field "$r1/all" 1)")" "$(ratio "$(field "$rm_/all" 2)" "$(field "$r1/all" 2)")" \
      "$(ratio "$(field "$rm_/all" 1)" "$(field "$l/all" 1)")" "$(rss_mb "$l") / $(rss_mb "$rm_")" \
      "$(differ "${l%-"$setting"}" "$(cfg_of 1 local)" "$setting")/$(differ "${rm_%-"$setting"}" "$(cfg_of 1 local)" "$setting")"
  done
  echo "(differ: queries whose match count, exact up to 1,000, differs from the one-shard database's, local/remote)"
  echo "p50 per class, local | remote:"
  printf '| %5s |' parts; for cls in "${classes[@]}"; do printf ' %-13s |' "$cls"; done; echo
  for n in "${part_list[@]}"; do
    printf '| %5s |' "$n"
    for cls in "${classes[@]}"; do
      printf ' %-13s |' "$(field "$(cfg_of "$n" local)-$setting/$cls" 1) | $(field "$(cfg_of "$n" remote)-$setting/$cls" 1)"
    done
    echo
  done
done

if [ "$each" -gt 0 ]; then
  echo
  echo "== one process per query (run_each: start-up, opening every part and connecting included), first $each queries,"
  echo "   --match all --no-suggest; µs, p50 / p95 (one pass)"
  printf '| %-14s | %-17s | %-17s | %12s |\n' configuration local remote "remote/local"
  for s in "${sizes[@]}"; do
    printf '| %-14s | %-17s | %-17s | %12s |\n' "x$s, one shard" "$(two "x$s-local-each/all")" "$(two "x$s-remote-each/all")" \
      "$(ratio "$(field "x$s-remote-each/all" 1)" "$(field "x$s-local-each/all" 1)")"
  done
  for n in "${part_list[@]}"; do
    [ "$n" -eq 1 ] && continue
    printf '| %-14s | %-17s | %-17s | %12s |\n' "x$parts_size, $n parts" "$(two "p$n-local-each/all")" "$(two "p$n-remote-each/all")" \
      "$(ratio "$(field "p$n-remote-each/all" 1)" "$(field "p$n-local-each/all" 1)")"
  done
fi

if [ "$each" -gt 0 ]; then
  echo
  echo "== suggestions on (--match all, the default), x1 one shard, first $each queries, one pass; µs, p50 / p95"
  printf '| %-28s | %-17s | %-17s | %12s |\n' queries local remote "remote/local"
  for cls in all under3; do
    printf '| %-28s | %-17s | %-17s | %12s |\n' "$cls ($(field "x1-local-suggest/$cls" 0))" "$(two "x1-local-suggest/$cls")" \
      "$(two "x1-remote-suggest/$cls")" "$(ratio "$(field "x1-remote-suggest/$cls" 1)" "$(field "x1-local-suggest/$cls" 1)")"
  done
  echo "(under3: fewer than 3 matches, where the suggester runs)"
fi

stop_servers
echo
echo "== xapian-tcpsrv peak RSS (/usr/bin/time -v: the listener and the connection processes it reaped), MB"
for f in "$raw"/server-*.time; do
  printf '  %-12s %s\n' "$(basename "$f" .time | sed 's/^server-//')" \
    "$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$f")"
done
echo
echo "load after: $(uptime)"
echo "per-query figures in $raw"
echo "results written to $results"
