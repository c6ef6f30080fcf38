#!/usr/bin/env bash
# Keeps a read-only copy (a replica) of a Newsdex database current with Xapian's replication,
# shard by shard. The master runs xapian-replicate-server over its database folder; each pass
# on the replica's machine copies every shard the master's XAPIANDB names (only the changes
# since the last pass when the master keeps changesets, a full copy otherwise), then writes the
# replica's own XAPIANDB naming them, then removes the shards the master no longer names. The
# replica is a Newsdex folder: newsdex-search -d REPLICA searches it like the master.
#
# Usage:
#   scripts/replicate.sh serve --port N [--bind ADDR] [--pid-file FILE] [--log FILE]
#                              [--wait SECONDS] [--foreground] DB
#   scripts/replicate.sh serve --stop [--pid-file FILE] DB
#   scripts/replicate.sh pull --from HOST:PORT (--master-stub FILE | --master-stub-command CMD)
#                             [--reader-time SECONDS] [--timeout SECONDS] [--quiet] REPLICA
#
# serve (on the master): serves the shards of the Newsdex folder DB to replicas.
#   -p, --port N     port to listen on
#   --bind ADDR      interface to listen on (default 127.0.0.1; 0.0.0.0 for every one)
#   --pid-file FILE  the server's pid, for --stop (default DB.replicate.pid, beside DB: nothing
#                    but shards may go inside a Newsdex folder)
#   --log FILE       the server's messages (default DB.replicate.log)
#   --wait SECONDS   how long the server may take to listen (default 10)
#   --foreground     run the server in place of this script (for systemd and the like); no
#                    pid file, no log
#   --stop           stop the server started for DB
#
# pull (on the replica's machine): one pass bringing REPLICA up to date with the master.
#   --from HOST:PORT            the master's replication server
#   --master-stub FILE          the master's DB/XAPIANDB, when this machine can read it
#   --master-stub-command CMD   a command printing it, e.g. 'ssh idx1 cat /srv/news.db/XAPIANDB'
#                               (run with bash -c; give ssh a ConnectTimeout)
#   --reader-time SECONDS       how long a reader of the replica gets to finish before the next
#                               of several changesets is applied to a shard (default 1; see below)
#   --timeout SECONDS           bound each network read and write (default 60; 0: none)
#   -q, --quiet                 print errors only
#
# Examples, master idx1 serving /srv/news.db, replica /srv/news-replica on another machine:
#   idx1$ XAPIAN_MAX_CHANGESETS=10 newsdex-index -d /srv/news.db /srv/articles
#   idx1$ scripts/replicate.sh serve --port 7010 --bind 0.0.0.0 /srv/news.db
#   web1$ scripts/replicate.sh pull --from idx1:7010 \
#           --master-stub-command 'ssh -o ConnectTimeout=10 idx1 cat /srv/news.db/XAPIANDB' /srv/news-replica
#   web1$ while sleep 300; do scripts/replicate.sh pull -q ... /srv/news-replica; done   # or cron
#   web1$ newsdex-search -d /srv/news-replica 'crude oil'
#
# What to know:
# - Index on the master with XAPIAN_MAX_CHANGESETS set (10, say) in newsdex-index's
#   environment: each commit then leaves a changeset file in its shard, and a pass sends only
#   those. Without them, or when a replica is further behind than the changesets kept, Xapian
#   sends the whole shard. A compaction (see newsdex-index --help) swaps each shard for a new
#   folder (shard-0.1 → shard-0.2); the new name is new to the replica, so it is copied whole,
#   and the old one is removed from the replica once its XAPIANDB no longer names it.
# - Shards update one at a time: a search on the replica during a pass may see some shards at
#   the master's new revision and others at the old one: each article lives in one shard and
#   is old or new, never both or neither, but a file's articles are spread over the shards,
#   so a query may find some new articles and not yet others. The replica's XAPIANDB is replaced
#   last, atomically, so shards new in this pass are searched only once all of them are here.
# - --reader-time: a glass shard keeps the revision before the latest readable, not older ones.
#   A search that opened a shard two changesets ago gets Xapian's DatabaseModifiedError, which
#   newsdex-search answers by reopening and searching again. Xapian's own default (30 s between
#   changesets) makes a pass over a run of many commits take minutes for every shard.
# - A long-running reader (the Python module) should open the replica anew after a pass, not
#   reopen it: Xapian's reopen() does not follow a shard's full copy, which Xapian swaps in
#   under the shard's own stub. newsdex-search opens it for each run and is not affected.
# - The replica is read-only: never run newsdex-index on it; replication assumes it alone
#   writes the replica's shards.
# - If the master stub changes during a pass (a compaction ended), the pass starts again, at
#   most 3 times.
#
# Exit status: 0 done, 2 error, printed as one line "error: ..." on stderr.
set -euo pipefail

here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/stub.sh
source "$here/lib/stub.sh"
# shellcheck source=scripts/lib/servers.sh
source "$here/lib/servers.sh"

usage() {
  sed -n '/^# Usage:/,/^# Exit status/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

# The shard names a Newsdex folder's XAPIANDB lists, one a line; dies when it is not one.
newsdex_shards() {
  local db="$1"
  [ -f "$db/XAPIANDB" ] || die "$db is not a Newsdex database: it has no XAPIANDB (index it with newsdex-index -d $db FOLDER)"
  shard_names_from_stub < "$db/XAPIANDB" ||
    die "$db is not a Newsdex database folder: its XAPIANDB lists something other than its own shard-* folders"
}

serve() {
  local port="" bind="127.0.0.1" pid_file="" log="" wait_seconds=10 foreground=0 stop=0 args=() check_address
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) usage; exit 0 ;;
      -p | --port | --bind | --pid-file | --log | --wait)
        [ $# -ge 2 ] || die "$1 needs a value (see --help)"
        case "$1" in
          -p | --port) port="$2" ;;
          --bind) bind="$2" ;;
          --pid-file) pid_file="$2" ;;
          --log) log="$2" ;;
          --wait) wait_seconds="$2" ;;
        esac
        shift 2 ;;
      --foreground) foreground=1; shift ;;
      --stop) stop=1; shift ;;
      -*) die "unknown option $1 for serve (see --help)" ;;
      *) args+=("$1"); shift ;;
    esac
  done
  [ "${#args[@]}" -eq 1 ] || die "give the database folder: replicate.sh serve --port N DB (see --help)"
  local db="${args[0]%/}"
  pid_file="${pid_file:-$db.replicate.pid}"
  log="${log:-$db.replicate.log}"
  if [ "$stop" = 1 ]; then
    [ -f "$pid_file" ] || die "no replication server to stop: $pid_file does not exist"
    stop_servers "$pid_file"
    return 0
  fi
  [ -n "$port" ] || die "--port N is required"
  if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
    die "--port $port is not a port number (1-65535)"
  fi
  if ! [[ "$wait_seconds" =~ ^[0-9]+$ ]] || [ "$wait_seconds" -lt 1 ]; then
    die "--wait $wait_seconds is not a whole number of seconds"
  fi
  command -v xapian-replicate-server > /dev/null || die "xapian-replicate-server not found (Debian/Ubuntu: apt-get install xapian-tools)"
  [ -d "$db" ] || die "no database folder at $db"
  local db_abs
  db_abs="$(absolute_folder "$db")" || die "cannot enter $db"
  newsdex_shards "$db_abs" > /dev/null
  # Replicas ask for shards by their names in the stub; the server finds them in this folder
  # (and refuses names that climb out of it).
  if [ "$foreground" = 1 ]; then
    exec xapian-replicate-server --interface "$bind" --port "$port" "$db_abs"
  fi
  case "$bind" in 0.0.0.0 | :: | "") check_address=127.0.0.1 ;; *) check_address="$bind" ;; esac
  refuse_if_running "$pid_file" "stop it first: replicate.sh serve --stop $db"
  local pid
  # Trailing argument order matters: is_our_server looks for "--port N " before the folder.
  pid="$(start_server "$log" "$check_address" "$port" "$wait_seconds" "xapian-replicate-server for $db" \
    xapian-replicate-server --interface "$bind" --port "$port" "$db_abs")"
  echo "$pid $port $db_abs" | write_atomically "$pid_file"
  echo "serving $db for replication on $bind port $port (pid $pid); stop with: replicate.sh serve --stop $db"
}

# Prints the master's stub text, from its file or from the command that prints it.
master_stub_text() {
  local file="$1" command="$2" text
  if [ -n "$file" ]; then
    text="$(cat -- "$file" 2>&1)" || die "cannot read the master's stub $file: $text"
  else
    text="$(bash -c "$command")" || die "--master-stub-command failed (exit $?): $command"
  fi
  printf '%s\n' "$text"
}

# The shard names in the master's stub (FILE or COMMAND); dies naming where it came from when
# it lists none.
master_shards() {
  local text
  text="$(master_stub_text "$1" "$2")" || exit 2  # the error is printed already
  shard_names_from_stub <<< "$text" ||
    die "the master's stub (${1:-$2}) does not list a Newsdex database's shards; is it the master folder's XAPIANDB?"
}

pull() {
  local from="" stub_file="" stub_command="" reader_time=1 timeout=60 quiet=0 args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      -h | --help) usage; exit 0 ;;
      --from | --master-stub | --master-stub-command | --reader-time | --timeout)
        [ $# -ge 2 ] || die "$1 needs a value (see --help)"
        case "$1" in
          --from) from="$2" ;;
          --master-stub) stub_file="$2" ;;
          --master-stub-command) stub_command="$2" ;;
          --reader-time) reader_time="$2" ;;
          --timeout) timeout="$2" ;;
        esac
        shift 2 ;;
      -q | --quiet) quiet=1; shift ;;
      -*) die "unknown option $1 for pull (see --help)" ;;
      *) args+=("$1"); shift ;;
    esac
  done
  [ "${#args[@]}" -eq 1 ] || die "give the replica folder: replicate.sh pull --from HOST:PORT --master-stub FILE REPLICA (see --help)"
  local replica="${args[0]%/}"
  [[ "$from" =~ ^(.+):([0-9]+)$ ]] || die "--from HOST:PORT is required (the master's replication server), got '${from}'"
  local host="${BASH_REMATCH[1]}" port="${BASH_REMATCH[2]}"
  if [ -n "$stub_file" ] && [ -n "$stub_command" ]; then die "give --master-stub or --master-stub-command, not both"; fi
  [ -n "$stub_file$stub_command" ] ||
    die "say where the master's shard list is: --master-stub DB/XAPIANDB, or --master-stub-command 'ssh HOST cat DB/XAPIANDB'"
  [[ "$reader_time" =~ ^[0-9]+$ ]] || die "--reader-time $reader_time is not a whole number of seconds"
  [[ "$timeout" =~ ^[0-9]+$ ]] || die "--timeout $timeout is not a whole number of seconds"
  command -v xapian-replicate > /dev/null || die "xapian-replicate not found (Debian/Ubuntu: apt-get install xapian-tools)"

  mkdir -p -- "$replica" 2> /dev/null || die "cannot create the replica folder $replica"
  # Everything in the folder gets removed when the master stops naming it, so it must hold
  # only what a Newsdex folder holds.
  local entry name
  for entry in "$replica"/* "$replica"/.[!.]*; do
    [ -e "$entry" ] || continue
    name="$(basename -- "$entry")"
    case "$name" in
      XAPIANDB | XAPIANDB.tmp | newsdex.lock) ;;
      shard-*)
        # Xapian keeps a replica in a subfolder named by a stub of its own; a glass database
        # here means REPLICA is a master (or was indexed into), which a pass would damage.
        [ ! -e "$entry/iamglass" ] ||
          die "$entry is a database written by newsdex-index, not a replica's shard: is $replica the master's folder?" ;;
      *) die "$replica holds $name, which is not part of a Newsdex database: give an empty folder or an earlier replica" ;;
    esac
  done
  # newsdex.lock is the name a Newsdex folder may hold besides shards; the flock keeps two
  # passes from writing the same replica at once.
  exec 9>> "$replica/newsdex.lock" || die "cannot open $replica/newsdex.lock"
  flock -n 9 || die "another replicate.sh pull is updating $replica; try again when it ends"

  local attempt shards=() names now failed="" message
  for attempt in 1 2 3; do
    names="$(master_shards "$stub_file" "$stub_command")"
    mapfile -t shards <<< "$names"
    failed=""
    for name in "${shards[@]}"; do
      if ! message="$(xapian-replicate -h "$host" -p "$port" -m "$name" -o -v -r "$reader_time" -t "$timeout" \
                        "$replica/$name" 2>&1)"; then
        failed="$name"
        break
      fi
      [ "$quiet" = 1 ] || echo "$name: $(grep -o 'Update complete: .*' <<< "$message" | sed 's/^Update complete: //')"
    done
    [ -n "$failed" ] || break
    # A compaction on the master between reading its stub and asking for a shard removes
    # that shard: the stub names its successor now, and the pass starts again.
    now="$(master_shards "$stub_file" "$stub_command")"
    if [ "$now" = "$names" ] || [ "$attempt" = 3 ]; then
      die "cannot replicate $failed from $from into $replica: $(tail -n 1 <<< "$message" | sed 's/^xapian-replicate: //')"
    fi
    [ "$quiet" = 1 ] || echo "the master's shards changed during the pass (a compaction?); starting again"
  done

  # The replica's stub last, so the shards it names are complete; then the ones it dropped.
  {
    echo "# A replica of $from, written by replicate.sh; do not index into this folder."
    printf 'auto %s\n' "${shards[@]}"
  } | write_atomically "$replica/XAPIANDB" XAPIANDB.tmp
  local removed=()
  for entry in "$replica"/shard-*; do
    [ -e "$entry" ] || continue
    name="$(basename -- "$entry")"
    if ! printf '%s\n' "${shards[@]}" | grep -qxF -- "$name"; then
      rm -rf -- "$entry" || die "cannot remove $entry, a shard the master no longer names"
      removed+=("$name")
    fi
  done
  [ "$quiet" = 1 ] || echo "replica $replica: ${#shards[@]} shards from $from${removed[0]+; removed ${removed[*]}}"
}

case "${1:-}" in
  serve) shift; serve "$@" ;;
  pull) shift; pull "$@" ;;
  -h | --help) usage ;;
  "") die "give serve or pull (see --help)" ;;
  *) die "unknown command $1: give serve or pull (see --help)" ;;
esac
