#!/usr/bin/env bash
# scripts/replicate.sh end to end on loopback. A master indexed with XAPIAN_MAX_CHANGESETS is
# replicated and the replica answers exactly as the master (ids, order, scores, snippets).
# Then the corpus changes (an article added, one modified, one deleted), newsdex-index runs
# incrementally and with --prune, and a pass brings the changes over as changesets; then a
# compaction swaps every shard for a new folder, and a pass copies the new shards whole and
# removes the old ones. After each pass the replica answers every query as the master does.
#
# Usage: replica_test.sh NEWSDEX_INDEX NEWSDEX_SEARCH SOURCE_DIR
set -euo pipefail

INDEX="$1"
SEARCH="$2"
SOURCE="$3"
REPLICATE="$SOURCE/scripts/replicate.sh"
source "$SOURCE/tests/scripts/lib.sh"

work="$(mktemp -d)"
master="$work/master.db"
replica="$work/replica.db"
cleanup() {
  # Whatever happened, the replication server does not outlive the test.
  [ -f "$master.replicate.pid" ] && "$REPLICATE" serve --stop "$master" 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# Changesets are what a pass sends after the first; they exist only when the indexer keeps them.
index() {
  XAPIAN_MAX_CHANGESETS=10 "$INDEX" -d "$master" -j 3 --progress never "$@" > /dev/null 2>&1 || [ $? -eq 1 ] ||
    fail "newsdex-index $* failed"
}

pass_output=""
pull() {
  pass_output="$("$REPLICATE" pull --from "127.0.0.1:$port" --master-stub "$master/XAPIANDB" --reader-time 0 \
    --timeout 10 "$replica")" || fail "replicate.sh pull failed"
}

# Every query must give the master's output on the replica; the first ones must find something.
queries=('oil' '"crude oil"' 'cocoa harvest' 'ghana' 'zanzibarclove' 'quokkaterm')
same_answers() {
  local when="$1" query master_out replica_out
  for query in "${queries[@]}"; do
    master_out="$(search_jsonl -d "$master" "$query")"
    replica_out="$(search_jsonl -d "$replica" "$query")"
    [ "$replica_out" = "$master_out" ] || fail "$when: query '$query': the replica answers differently:
--- master ids
$(ids_of <<< "$master_out")
--- replica ids
$(ids_of <<< "$replica_out")"
  done
  [ -n "$(search_jsonl -d "$replica" 'oil')" ] || fail "$when: the replica finds nothing for 'oil'"
}

shards_named() {
  grep -v '^#' "$1/XAPIANDB" | sed 's/^auto //' | sort | tr '\n' ' '
}

cp -r "$SOURCE/corpus" "$work/corpus"
index "$work/corpus"
start_on_free_port "$REPLICATE" serve --port "{PORT}" "$master"
port="$STARTED_PORT"

# First pass: every shard copied whole.
pull
[ "$(grep -c ': 1 copies' <<< "$pass_output")" -eq 3 ] || fail "first pass: expected 3 full copies: $pass_output"
[ "$(shards_named "$replica")" = "$(shards_named "$master")" ] || fail "first pass: the replica names other shards"
same_answers "first pass"
ids_of <<< "$(search_jsonl -d "$replica" ghana)" | grep -qx 'nl-2024-305' ||
  fail "the article to be deleted is not found before"

# Changes: an article added, one modified, one deleted; indexed without and with --prune.
printf 'Title: Zanzibar clove exports\nDate: 2025-03-01\nID: test-added-1\n\nZanzibarclove exports doubled this season.\n' \
  > "$work/corpus/markets/softs/zanzibar-cloves.txt"
printf '\nAnalysts call it the quokkaterm effect.\n' >> "$work/corpus/tech/chip-export-rules.txt"
rm "$work/corpus/markets/softs/ghana-cocoa-harvest.txt"
shards_before="$(shards_named "$master")"
index "$work/corpus"
index --prune "$work/corpus"
[ "$(shards_named "$master")" = "$shards_before" ] || fail "small runs compacted; the changeset pass is not tested"

pull
grep -q ' [1-9][0-9]* changesets' <<< "$pass_output" || fail "second pass sent no changesets: $pass_output"
! grep -q ': [1-9][0-9]* copies' <<< "$pass_output" || fail "second pass copied a shard whole: $pass_output"
same_answers "after changes"
ids_of <<< "$(search_jsonl -d "$replica" zanzibarclove)" | grep -qx 'test-added-1' ||
  fail "the replica does not find the added article"
ids_of <<< "$(search_jsonl -d "$replica" quokkaterm)" | grep -q . || fail "the replica does not find the modified article's new word"
! ids_of <<< "$(search_jsonl -d "$replica" ghana)" | grep -qx 'nl-2024-305' || fail "the replica still finds the deleted article"

# Compaction: every shard becomes a new folder; the pass copies them and drops the old ones.
index --compact
[ "$(shards_named "$master")" != "$shards_before" ] || fail "--compact did not swap the shards"
pull
[ "$(grep -c ': 1 copies' <<< "$pass_output")" -eq 3 ] || fail "after compaction: expected 3 full copies: $pass_output"
grep -q "removed" <<< "$pass_output" || fail "after compaction: no old shard removed: $pass_output"
[ "$(shards_named "$replica")" = "$(shards_named "$master")" ] || fail "after compaction: the replica names other shards"
leftover="$(cd "$replica" && printf '%s\n' shard-* | sort | tr '\n' ' ')"
[ "$leftover" = "$(shards_named "$master")" ] || fail "after compaction: the replica keeps old shards: $leftover"
same_answers "after compaction"

"$REPLICATE" serve --stop "$master" || fail "serve --stop failed"
echo "replicate: replica equal to master after a first copy, changesets and a compaction"
