#!/usr/bin/env bash
# scripts/serve-shards.sh end to end on loopback: the sample corpus indexed into three shards
# and served, one xapian-tcpsrv each, answers every query exactly as the folder does; a port
# already taken is an error naming it; after --stop, searching the stub is an error naming
# the part that no longer answers.
#
# Usage: serve_shards_test.sh NEWSDEX_INDEX NEWSDEX_SEARCH SOURCE_DIR
set -euo pipefail

INDEX="$1"
SEARCH="$2"
SOURCE="$3"
SERVE="$SOURCE/scripts/serve-shards.sh"
source "$SOURCE/tests/scripts/lib.sh"

work="$(mktemp -d)"
cleanup() {
  # Whatever happened, no server outlives the test.
  for stub in "$work"/*.remote; do
    [ -f "$stub.pids" ] && "$SERVE" --stop "$stub" 2> /dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

"$INDEX" -d "$work/db" -j 3 --progress never "$SOURCE/corpus" > /dev/null 2>&1 || [ $? -eq 1 ] ||
  fail "newsdex-index could not index the corpus"
[ "$(grep -c '^auto shard-' "$work/db/XAPIANDB")" -eq 3 ] || fail "expected 3 shards: $(cat "$work/db/XAPIANDB")"

start_on_free_port "$SERVE" --port "{PORT}" --wait 10 "$work/db" "$work/news.remote"
port="$STARTED_PORT"
stub="$work/news.remote"
expected="$(printf 'remote 127.0.0.1:%s\n' "$port" "$((port + 1))" "$((port + 2))")"
[ "$(grep -v '^#' "$stub")" = "$expected" ] || fail "stub names other servers: $(cat "$stub")"

# Each row: one query; the served shards must answer it exactly as the folder does.
queries=(
  'oil'
  '"crude oil"'
  'cocoa harvest'
  'kursk soldiers'
  'title:opec'
)
for query in "${queries[@]}"; do
  local_out="$(search_jsonl -d "$work/db" "$query")"
  remote_out="$(search_jsonl --timeout 5000 -d "$stub" "$query")"
  [ -n "$local_out" ] || fail "query '$query' finds nothing; the comparison would prove nothing"
  [ "$remote_out" = "$local_out" ] || fail "query '$query': served shards answer differently:
--- folder
$local_out
--- served
$remote_out"
done

# The same ports again, for another stub: refused, naming the port.
if err="$("$SERVE" --port "$port" "$work/db" "$work/other.remote" 2>&1)"; then
  fail "serving on taken port $port succeeded"
fi
[ "$err" = "error: port $port on 127.0.0.1 is taken: another program listens there (choose another --port)" ] ||
  fail "taken port: unexpected message: $err"

pids="$(cut -d' ' -f1 "$stub.pids")"
"$SERVE" --stop "$stub" || fail "--stop failed"
for pid in $pids; do
  ! kill -0 "$pid" 2> /dev/null || fail "server $pid still runs after --stop"
done
[ ! -e "$stub.pids" ] || fail "--stop left $stub.pids"

status=0
err="$("$SEARCH" --timeout 2000 -d "$stub" oil 2>&1 > /dev/null)" || status=$?
[ "$status" -eq 2 ] || fail "searching a stopped stub: exit $status, expected 2"
[[ "$err" == "error: part remote 127.0.0.1:$port: "* ]] || fail "searching a stopped stub: unexpected message: $err"
echo "serve-shards: ${#queries[@]} queries answered alike by 3 served shards on ports $port-$((port + 2)); stopped"
