#!/usr/bin/env bash
# The Reuters-21578 study of docs/research.md, end to end: fetches the collection, indexes it
# with --metadata-text no (the TOPICS labels become the judgements, so they must not be
# searchable words), makes qrels from the labels, and evaluates the written topics
# (scripts/research/reuters-topics.tsv) with default BM25, a small grid of tuned BM25
# parameters, and pseudo-relevance feedback. Prints one table; leaves its files in data/study/.
#
# Usage: scripts/reuters-study.sh        (needs a build in build/: see the README)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
index="$top/build/indexer/newsdex-index"
search="$top/build/searcher/newsdex-search"
[ -x "$search" ] || { echo "error: build first (cmake -S . -B build && cmake --build build)" >&2; exit 2; }

corpus=$("$top/scripts/fetch-reuters.sh")
work="$top/data/study"
db="$work/reuters.db"
topics="$top/scripts/research/reuters-topics.tsv"
mkdir -p "$work"

if [ ! -f "$db/XAPIANDB" ]; then
  "$index" -q -d "$db" --metadata-text no "$corpus"
fi

# Judgements: every article carrying a topic's label is relevant to it (rel 1). The label
# query is a filter, so the run lists every such article.
grep -v '^#' "$topics" | cut -f1 | while read -r label; do
  printf '%s\ttopic:"%s"\n' "$label" "$label"
done > "$work/labels.tsv"
"$search" -d "$db" --format trec -n 100000 --queries "$work/labels.tsv" |
  awk '{ print $1, 0, $3, 1 }' > "$work/qrels.txt"

# One evaluation's summary: map P_10 ndcg_cut_10 recall_1000 num_rel_ret.
measure() {
  "$search" -d "$db" --match any --queries "$topics" --qrels "$work/qrels.txt" "$@" |
    awk -F'\t' '$2 == "all" { gsub(/ +$/, "", $1); v[$1] = $3 }
                END { printf "%s %s %s %s %s\n", v["map"], v["P_10"], v["ndcg_cut_10"], v["recall_1000"], v["num_rel_ret"] }'
}

row() { printf '| %-44s | %6s | %6s | %11s | %11s | %11s |\n' "$@"; }

read -r map p10 ndcg recall relret < <(measure)
echo "topics: $(grep -vc '^#' "$topics"), judged relevant: $(wc -l < "$work/qrels.txt")"
echo
row "ranking" "map" "P_10" "ndcg_cut_10" "recall_1000" "num_rel_ret"
row "--------------------------------------------" "------" "------" "-----------" "-----------" "-----------"
row "BM25, Xapian's defaults (k1=1, b=0.5)" "$map" "$p10" "$ndcg" "$recall" "$relret"

best="" best_map=0
for k1 in 0.6 0.9 1.2 1.5 2.0; do
  for b in 0.3 0.5 0.75 0.9; do
    read -r m _ < <(measure --bm25 "k1=$k1,b=$b")
    if awk -v a="$m" -v b="$best_map" 'BEGIN { exit !(a > b) }'; then best="k1=$k1,b=$b" best_map=$m; fi
  done
done
read -r map p10 ndcg recall relret < <(measure --bm25 "$best")
row "BM25 tuned on these topics ($best)" "$map" "$p10" "$ndcg" "$recall" "$relret"

read -r map p10 ndcg recall relret < <(measure --expand)
row "defaults + --expand (10 docs, 20 terms, 0.2)" "$map" "$p10" "$ndcg" "$recall" "$relret"
read -r map p10 ndcg recall relret < <(measure --bm25 "$best" --expand)
row "tuned + --expand" "$map" "$p10" "$ndcg" "$recall" "$relret"
