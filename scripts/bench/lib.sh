# Shared by the benchmark scripts (bench-index.sh, bench-query.sh, bench-parts.sh): sourced, not run. Expects
# `top` (the checkout), `bench` (data/bench) and `seed` to be set by the script.

# The helpers are compiled here rather than by CMake: the benchmark must not change the
# project's build, and the baselines must not share any of newsdex's code or flags.
compile() {  # compile SOURCE OUTPUT [FLAGS...]: only when the source is newer
  local src="$1" out="$2"; shift 2
  if [ ! -x "$out" ] || [ "$src" -nt "$out" ]; then
    echo "compiling $(basename "$src")"
    nice -n 10 g++ -O2 -std=c++20 -Wall -Wextra -o "$out" "$src" "$@"
  fi
}

# The lines every results file starts with: when, on what machine.
print_machine() {
  echo "== machine"
  echo "date:    $(date -Is)"
  echo "cpu:     $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory:  $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
}

# corpus SCALE REUTERS: prints the folder holding the corpus of that size (Reuters itself for
# 1), generating it unless a manifest made by the same generator source and seed says the
# files are there and intact. Both scripts use the same files, so either reuses the other's.
corpus() {
  local scale="$1" reuters="$2"
  if [ "$scale" -eq 1 ]; then echo "$reuters"; return; fi
  local dir="$bench/corpus-x$scale"
  local want
  want="generator=$(sha256sum "$top/scripts/bench/gen_corpus.cpp" | cut -c1-16) seed=$seed scale=$scale"
  if [ -f "$dir/MANIFEST" ] && [ "$(head -n1 "$dir/MANIFEST")" = "$want" ] &&
     (cd "$dir" && grep '  part-' MANIFEST | sha256sum --status -c -); then
    echo "x$scale: reusing corpus $dir ($(sed -n 2p "$dir/MANIFEST"))" >&2
  else
    echo "x$scale: generating corpus into $dir" >&2
    rm -rf "$dir"
    local stats
    stats=$(nice -n 10 "$bench/bin/gen_corpus" "$reuters" "$dir" "$scale" "$seed")
    # The manifest goes last, so an interrupted generation is redone rather than reused.
    { echo "$want"; echo "$stats"; (cd "$dir" && sha256sum part-*.jsonl); } > "$dir/MANIFEST.tmp"
    mv "$dir/MANIFEST.tmp" "$dir/MANIFEST"
    echo "x$scale: $stats" >&2
  fi
  echo "$dir"
}

# Figures per query class: stdin "qid<TAB>us", stdout "class<TAB>n<TAB>p50<TAB>p95<TAB>p99".
# Percentiles by nearest rank, as newsdex-search --timing computes them. A query counts in
# its own class (the qid's prefix), in "words" when it is one word, and in "all".
class_stats() {
  awk -F'\t' '{ c = $1; sub(/-.*/, "", c); print c "\t" $2
                if (c == "rare" || c == "mid" || c == "common") print "words\t" $2
                print "all\t" $2 }' |
    sort -t$'\t' -k1,1 -k2,2n |
    awk -F'\t' 'function rank(p,  k) { k = int((p * n + 99) / 100); return k < 1 ? 1 : k }
                function flush() { if (n) printf "%s\t%d\t%d\t%d\t%d\n", c, n, v[rank(50)], v[rank(95)], v[rank(99)] }
                $1 != c { flush(); c = $1; n = 0 }
                { v[++n] = $2 }
                END { flush() }'
}
