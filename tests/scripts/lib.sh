# shellcheck shell=bash
# Helpers for the script tests in this folder (sourced): failing with a message, searching
# with output that can be compared byte for byte, and starting a server on a free loopback
# port, trying others when the one picked is taken (other tests and users share the machine).

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# A command failing outside any check (set -e) names its line instead of ending the test mutely.
set -E
trap 'echo "FAIL: line $LINENO: a command exited with status $?" >&2' ERR

# newsdex-search with jsonl output, query timings removed (they are the only fields that may
# differ between two runs of the same search). No match (exit 1) prints nothing and is no error.
search_jsonl() {
  { "$SEARCH" --format jsonl --limit 50 "$@" || [ $? -eq 1 ]; } | sed -E 's/,?"time_us":[0-9]+//g'
}

# The article ids a jsonl search printed, in order, one a line.
ids_of() {
  grep -o '"id":"[^"]*"' | sed 's/^"id":"//; s/"$//'
}

# A port between 20000 and 59999, picked at random; whether it is free is for the caller's
# server to find out (start_on_free_port retries).
random_port() {
  echo $((20000 + (RANDOM * 32768 + RANDOM) % 40000))
}

# Runs COMMAND... with each "{PORT}" in its arguments replaced by a random port, again with
# another port while it fails saying a port is taken (8 tries at most). Sets STARTED_PORT.
# Fails the test on any other error, printing it.
start_on_free_port() {
  local port args=() arg err
  err="$(mktemp)"
  for _ in 1 2 3 4 5 6 7 8; do
    port="$(random_port)"
    args=()
    for arg in "$@"; do args+=("${arg//\{PORT\}/$port}"); done
    if "${args[@]}" 2> "$err"; then
      # shellcheck disable=SC2034  # read by the test that sourced this file
      STARTED_PORT="$port"
      rm -f "$err"
      return 0
    fi
    grep -q "is taken" "$err" || fail "$* (port $port): $(cat "$err")"
  done
  fail "no free port found in 8 attempts: $(cat "$err")"
}
