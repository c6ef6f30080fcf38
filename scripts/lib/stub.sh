# shellcheck shell=bash
# Shell helpers shared by serve-shards.sh and replicate.sh (sourced, not run): the one-line
# error and its exit status, reading the shard names a Newsdex folder's XAPIANDB lists, writing
# a file so that readers see the old or the new one whole, and asking whether a TCP port
# answers. Every function here is safe under `set -euo pipefail`.

# Prints "error: MESSAGE" on stderr and exits 2, the status every Newsdex tool uses for errors.
die() {
  echo "error: $*" >&2
  exit 2
}

# Reads stub text on stdin and prints the shard folder names it lists, one a line, in order.
# Returns 1 (printing nothing useful) unless every line that is not blank or a comment is
# "auto shard-NAME" with no slash in the name: the same rule as shard_layout::own_shard_names,
# so a stub that newsdex-search would not take for a Newsdex folder's own is refused here too.
shard_names_from_stub() {
  local line backend name rest found=0
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    read -r backend name rest <<< "$line" || true
    [ -z "$backend" ] && continue
    [ "${backend:0:1}" = "#" ] && continue
    if [ "$backend" != "auto" ] || [ -n "$rest" ] || [[ "$name" != shard-* ]] || [[ "$name" == */* ]]; then
      return 1
    fi
    printf '%s\n' "$name"
    found=1
  done
  [ "$found" = 1 ]
}

# Writes stdin to PATH so that a reader sees the old file or the new one, never a part: a
# temporary file in the same folder is written and fsynced, renamed over PATH, and the folder
# is fsynced so the rename itself survives a crash. TMP_NAME (optional) names the temporary
# file; newsdex-index removes a stray "XAPIANDB.tmp", so Newsdex folders use that name.
write_atomically() {
  local path="$1" tmp
  tmp="$(dirname -- "$path")/${2:-.$(basename -- "$path").tmp.$$}"
  if ! cat > "$tmp"; then
    rm -f -- "$tmp"
    die "cannot write $tmp"
  fi
  sync -- "$tmp" || { rm -f -- "$tmp"; die "cannot sync $tmp to disk"; }
  mv -f -- "$tmp" "$path" || { rm -f -- "$tmp"; die "cannot rename $tmp to $path"; }
  sync -- "$(dirname -- "$path")" || die "cannot sync the folder of $path to disk"
}

# Whether something accepts TCP connections on HOST:PORT now (connect, then close at once).
# Bounded: a host that drops packets gives up after 2 seconds.
port_answers() {
  # shellcheck disable=SC2016  # $1 and $2 are the inner shell's arguments
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2> /dev/null
}

# The absolute path of an existing folder.
absolute_folder() {
  (cd -- "$1" 2> /dev/null && pwd -P)
}
