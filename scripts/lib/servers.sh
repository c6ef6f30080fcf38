# shellcheck shell=bash
# Starting and stopping Xapian's TCP servers (xapian-tcpsrv, xapian-replicate-server) in the
# background, for serve-shards.sh and replicate.sh (sourced, not run; needs lib/stub.sh). A
# server started here runs in a session of its own, is known by a "PID PORT WHAT" line, and
# counts as started only once its port answers; stopping one signals a pid only while that pid
# still runs a Xapian server on that port.

# Starts COMMAND... (a Xapian server given "--port PORT ", with that trailing argument order)
# detached from this shell, and waits up to WAIT seconds for CHECK_ADDRESS:PORT to answer. On
# success prints the server's pid; otherwise dies naming the port and, when the server exited,
# its last message (from LOG, which gets the server's output).
#
# Why a session of its own: on SIGTERM Xapian's servers signal their whole process group (to
# end the children serving connections), which would otherwise take the caller with them.
# The pid is written from inside the new session because setsid forks when it has to.
# Usage: start_server LOG CHECK_ADDRESS PORT WAIT WHAT COMMAND...
start_server() {
  local log="$1" address="$2" port="$3" wait="$4" what="$5" pid_note pid deadline reason
  shift 5
  # Asked first so that a port another program holds is named as such, not taken for ours
  # once it answers.
  if port_answers "$address" "$port"; then
    die "port $port on $address is taken: another program listens there (choose another --port)"
  fi
  pid_note="$(mktemp)"
  # shellcheck disable=SC2016  # $$ and "$@" are the new shell's
  setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' _ "$pid_note" "$@" >> "$log" 2>&1 < /dev/null &
  deadline=$((SECONDS + wait))
  until [ -s "$pid_note" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { rm -f -- "$pid_note"; die "$what did not start within $wait s"; }
    sleep 0.05
  done
  pid="$(cat -- "$pid_note")"
  rm -f -- "$pid_note"
  until port_answers "$address" "$port"; do
    if ! kill -0 "$pid" 2> /dev/null; then
      reason="$(tail -n 1 -- "$log" 2> /dev/null || true)"
      die "$what could not listen on port $port of $address${reason:+: $reason}"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      stop_pids "$pid"
      die "$what did not listen on port $port of $address within $wait s (see $log)"
    fi
    sleep 0.1
  done
  # Something answers, but it must be our server: another program may have taken the port
  # between the check above and the server's start, making the server exit.
  sleep 0.1
  kill -0 "$pid" 2> /dev/null || die "port $port on $address is taken: $what exited (see $log)"
  echo "$pid"
}

# Whether PID still runs a Xapian server listening on PORT (it may have exited, and the
# system may have given its pid to another program since).
is_our_server() {
  ps -p "$1" -o args= 2> /dev/null | grep -q -- "^xapian-[a-z-]* .*--port $2 "
}

# TERM to each PID, then KILL to those still running after 5 seconds.
stop_pids() {
  local pid deadline=$((SECONDS + 5))
  for pid in "$@"; do kill -TERM "$pid" 2> /dev/null || true; done
  for pid in "$@"; do
    while kill -0 "$pid" 2> /dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    kill -KILL "$pid" 2> /dev/null || true
  done
}

# Stops the servers a pid file lists ("PID PORT WHAT" lines) and removes the file.
stop_servers() {
  local pid_file="$1" pid port rest ours=()
  while read -r pid port rest; do
    [ -n "$pid" ] && is_our_server "$pid" "$port" && ours+=("$pid")
  done < "$pid_file"
  stop_pids "${ours[@]+"${ours[@]}"}"
  rm -f -- "$pid_file"
}

# Dies when a pid file lists a server that still runs: the same thing is served already.
refuse_if_running() {
  local pid_file="$1" hint="$2" pid port rest
  [ -f "$pid_file" ] || return 0
  while read -r pid port rest; do
    if [ -n "$pid" ] && is_our_server "$pid" "$port"; then
      die "already served: pid $pid on port $port, listed in $pid_file; $hint"
    fi
  done < "$pid_file"
  rm -f -- "$pid_file"  # its servers have died since
}
