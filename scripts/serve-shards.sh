#!/usr/bin/env bash
# Serves a Newsdex database read-only over Xapian's remote protocol: one xapian-tcpsrv per
# glass shard, on consecutive ports, and a stub file naming them ("remote HOST:PORT", one line
# a shard) that newsdex-search -d takes on any machine that reaches this one. One server per
# shard, not one for the folder: each shard keeps its own settings, stem table and file states
# in its metadata, and a database made of several shards answers metadata from its first shard
# only, so newsdex-search needs to see every shard as a part of its own.
#
# Usage:
#   scripts/serve-shards.sh --port N [--bind ADDR] [--host NAME] [--pid-file FILE]
#                           [--log FILE] [--wait SECONDS] DB STUB
#   scripts/serve-shards.sh --stop [--pid-file FILE] STUB
#
#   DB               a Newsdex folder (its XAPIANDB lists shard-* folders)
#   STUB             the stub file to write; newsdex-search -d STUB searches the served shards
#   -p, --port N     port of the first shard; shard i listens on N+i
#   --bind ADDR      interface the servers listen on (default 127.0.0.1; 0.0.0.0 for every one)
#   --host NAME      the address searchers reach the servers at, written in the stub (default:
#                    the --bind address; required with --bind 0.0.0.0)
#   --pid-file FILE  where the servers' pids are kept (default STUB.pids); --stop reads it
#   --log FILE       the servers' messages (default STUB.log); each server's start adds a
#                    "read failed" line there: the check that it listens connects and hangs up
#   --wait SECONDS   how long a server may take to listen before it counts as failed (default 10)
#   --stop           stop the servers STUB was written for; STUB stays, and searching it then
#                    fails naming the part that does not answer (exit 2) until it is served again
#
# Examples:
#   scripts/serve-shards.sh --port 6431 news.db news.remote        # loopback only
#   scripts/serve-shards.sh --port 6431 --bind 0.0.0.0 --host idx1.example.org news.db news.remote
#   newsdex-search -d news.remote --timeout 2000 'crude oil'
#   scripts/serve-shards.sh --stop news.remote
#
# The servers run in the background and outlive this script. STUB is written only once every
# server answers, atomically (temporary file, fsync, rename, fsync of the folder), so a reader
# sees the old stub or the new one. A server opens the latest committed revision of its shard
# for each connection, so searches see newsdex-index's commits as they happen; but a run that
# compacts (see newsdex-index --help) replaces shard folders by new ones, which these servers do
# not serve: after such a run, stop and serve again (the stub then names the new shards).
#
# Exit status: 0 served (or stopped), 2 error, printed as one line "error: ..." on stderr.
set -euo pipefail

here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/stub.sh
source "$here/lib/stub.sh"

usage() {
  sed -n '/^# Usage:/,/^# Exit status/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

# Stops the servers listed in PID_FILE ("PID PORT SHARD" lines): TERM, then KILL after 5 s.
# A pid is signalled only while it still runs xapian-tcpsrv on its port, so a pid the system
# has given to another process since is left alone.
stop_servers() {
  local pid_file="$1" pid port shard alive=() deadline
  while read -r pid port shard; do
    [ -n "$pid" ] || continue
    if ps -p "$pid" -o args= 2> /dev/null | grep -q -- "xapian-tcpsrv.*--port $port "; then
      kill -TERM "$pid" 2> /dev/null || true
      alive+=("$pid")
    fi
  done < "$pid_file"
  deadline=$((SECONDS + 5))
  for pid in "${alive[@]+"${alive[@]}"}"; do
    while kill -0 "$pid" 2> /dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    kill -KILL "$pid" 2> /dev/null || true
  done
  rm -f -- "$pid_file"
}

port=""
bind="127.0.0.1"
host=""
pid_file=""
log=""
wait_seconds=10
stop=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    -p | --port | --bind | --host | --pid-file | --log | --wait)
      [ $# -ge 2 ] || die "$1 needs a value (see --help)"
      case "$1" in
        -p | --port) port="$2" ;;
        --bind) bind="$2" ;;
        --host) host="$2" ;;
        --pid-file) pid_file="$2" ;;
        --log) log="$2" ;;
        --wait) wait_seconds="$2" ;;
      esac
      shift 2 ;;
    --stop) stop=1; shift ;;
    --) shift; args+=("$@"); break ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ "$stop" = 1 ]; then
  [ "${#args[@]}" -eq 1 ] || die "--stop takes the stub file only: serve-shards.sh --stop STUB"
  pid_file="${pid_file:-${args[0]}.pids}"
  [ -f "$pid_file" ] || die "no servers to stop: $pid_file does not exist"
  stop_servers "$pid_file"
  exit 0
fi

[ "${#args[@]}" -eq 2 ] || die "give the database folder and the stub file to write: serve-shards.sh --port N DB STUB (see --help)"
db="${args[0]}"
stub="${args[1]}"
pid_file="${pid_file:-$stub.pids}"
log="${log:-$stub.log}"
[ -n "$port" ] || die "--port N is required: the port of the first shard"
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "--port $port is not a port number (1-65535)"
[[ "$wait_seconds" =~ ^[0-9]+$ ]] && [ "$wait_seconds" -ge 1 ] || die "--wait $wait_seconds is not a whole number of seconds"
case "$bind" in
  0.0.0.0 | :: | "")
    [ -n "$host" ] || die "--bind $bind listens on every interface: give --host NAME, the address searchers reach this machine at"
    check_address=127.0.0.1 ;;
  *) check_address="$bind" ;;
esac
host="${host:-$bind}"
command -v xapian-tcpsrv > /dev/null || die "xapian-tcpsrv not found (Debian/Ubuntu: apt-get install xapian-tools)"

[ -d "$db" ] || die "no database folder at $db"
db_abs="$(absolute_folder "$db")" || die "cannot enter $db"
[ -f "$db_abs/XAPIANDB" ] || die "$db is not a Newsdex database: it has no XAPIANDB (index it with newsdex-index -d $db FOLDER)"
shards=()
if ! names="$(shard_names_from_stub < "$db_abs/XAPIANDB")"; then
  die "$db is not a Newsdex database folder: its XAPIANDB lists something other than its own shard-* folders"
fi
mapfile -t shards <<< "$names"
last_port=$((port + ${#shards[@]} - 1))
[ "$last_port" -le 65535 ] || die "--port $port leaves no room for ${#shards[@]} shards (the last would be $last_port)"
stub_dir="$(dirname -- "$stub")"
[ -d "$stub_dir" ] || die "cannot write $stub: folder $stub_dir does not exist"

if [ -f "$pid_file" ]; then
  while read -r pid other_port _; do
    if [ -n "$pid" ] && ps -p "$pid" -o args= 2> /dev/null | grep -q -- "xapian-tcpsrv.*--port $other_port "; then
      die "$stub is already served (server pid $pid on port $other_port, listed in $pid_file); stop it first: serve-shards.sh --stop $stub"
    fi
  done < "$pid_file"
  rm -f -- "$pid_file"  # left by servers that have died since
fi

# Servers started so far, "PID PORT SHARD" each; stopped again if a later step fails.
started=()
started_file=""
cleanup_on_failure() {
  if [ "${#started[@]}" -gt 0 ]; then
    started_file="$(mktemp)"
    printf '%s\n' "${started[@]}" > "$started_file"
    stop_servers "$started_file"
  fi
}
trap cleanup_on_failure EXIT

for i in "${!shards[@]}"; do
  shard_port=$((port + i))
  shard_path="$db_abs/${shards[$i]}"
  [ -d "$shard_path" ] || die "$db's XAPIANDB names ${shards[$i]}, which is not there (is newsdex-index compacting it? try again)"
  # Asked first so that a port held by another program is named as such, not mistaken for
  # our server once it answers.
  if port_answers "$check_address" "$shard_port"; then
    die "port $shard_port on $bind is taken: another program listens there (choose another --port)"
  fi
  # A session of its own: on SIGTERM xapian-tcpsrv signals its whole process group (to end
  # the children serving connections), which would otherwise take this script and its caller
  # with it. The pid is written from inside, since setsid forks when it must.
  # Trailing space after the port: stop_servers recognises its servers by "--port N ".
  pid_note="$(mktemp)"
  setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' _ "$pid_note" \
    xapian-tcpsrv --quiet --interface "$bind" --port "$shard_port" "$shard_path" \
    >> "$log" 2>&1 < /dev/null &
  deadline=$((SECONDS + wait_seconds))
  until [ -s "$pid_note" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { rm -f -- "$pid_note"; die "xapian-tcpsrv for ${shards[$i]} did not start within $wait_seconds s"; }
    sleep 0.05
  done
  pid="$(cat -- "$pid_note")"
  rm -f -- "$pid_note"
  started+=("$pid $shard_port $shard_path")
  until port_answers "$check_address" "$shard_port"; do
    if ! kill -0 "$pid" 2> /dev/null; then
      reason="$(tail -n 1 "$log" 2> /dev/null || true)"
      die "xapian-tcpsrv for ${shards[$i]} could not listen on port $shard_port of $bind${reason:+: $reason}"
    fi
    [ "$SECONDS" -lt "$deadline" ] || die "xapian-tcpsrv for ${shards[$i]} did not listen on port $shard_port of $bind within $wait_seconds s (see $log)"
    sleep 0.1
  done
  # Something answered, but it must be our server: another program may have taken the port
  # between the check above and the server's start, making the server exit.
  sleep 0.1
  kill -0 "$pid" 2> /dev/null || die "port $shard_port on $bind is taken: xapian-tcpsrv for ${shards[$i]} exited (see $log)"
done

printf '%s\n' "${started[@]}" | write_atomically "$pid_file"
{
  echo "# Written by serve-shards.sh: the shards of $db_abs, one xapian-tcpsrv each."
  echo "# Stop them with: serve-shards.sh --stop $stub"
  for i in "${!shards[@]}"; do echo "remote $host:$((port + i))"; done
} | write_atomically "$stub"
trap - EXIT
echo "serving ${#shards[@]} shards of $db on $bind ports $port-$last_port; searchers use: newsdex-search -d $stub"
