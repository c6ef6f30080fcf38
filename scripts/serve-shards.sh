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
# shellcheck source=scripts/lib/servers.sh
source "$here/lib/servers.sh"

usage() {
  sed -n '/^# Usage:/,/^# Exit status/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
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
if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  die "--port $port is not a port number (1-65535)"
fi
if ! [[ "$wait_seconds" =~ ^[0-9]+$ ]] || [ "$wait_seconds" -lt 1 ]; then
  die "--wait $wait_seconds is not a whole number of seconds"
fi
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

refuse_if_running "$pid_file" "stop it first: serve-shards.sh --stop $stub"

# Servers started so far, "PID PORT SHARD" each; stopped again if a later step fails.
started=()
cleanup_on_failure() {
  local entry pids=()
  for entry in "${started[@]+"${started[@]}"}"; do pids+=("${entry%% *}"); done
  [ "${#pids[@]}" -eq 0 ] || stop_pids "${pids[@]}"
}
trap cleanup_on_failure EXIT

for i in "${!shards[@]}"; do
  shard_port=$((port + i))
  shard_path="$db_abs/${shards[$i]}"
  [ -d "$shard_path" ] || die "$db's XAPIANDB names ${shards[$i]}, which is not there (is newsdex-index compacting it? try again)"
  pid="$(start_server "$log" "$check_address" "$shard_port" "$wait_seconds" "xapian-tcpsrv for ${shards[$i]}" \
    xapian-tcpsrv --quiet --interface "$bind" --port "$shard_port" "$shard_path")"
  started+=("$pid $shard_port $shard_path")
done

printf '%s\n' "${started[@]}" | write_atomically "$pid_file"
{
  echo "# Written by serve-shards.sh: the shards of $db_abs, one xapian-tcpsrv each."
  echo "# Stop them with: serve-shards.sh --stop $stub"
  for i in "${!shards[@]}"; do echo "remote $host:$((port + i))"; done
} | write_atomically "$stub"
trap - EXIT
echo "serving ${#shards[@]} shards of $db on $bind ports $port-$last_port; searchers use: newsdex-search -d $stub"
