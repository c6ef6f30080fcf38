#!/usr/bin/env bash
# Writes a folder of hostile and huge inputs next to five normal articles, to index with
# newsdex-index: every normal article must be found afterwards, the run must exit 1 (warnings),
# stay within the memory bound and take well under a minute per bomb.
#
# Usage: scripts/make-hostile-corpus.sh OUTDIR [--full] [--big-json]
#   default     sizes CI can afford (a few MB in all); the end-to-end test indexes it with
#               small --max-* limits, so every limit is still reached
#   --full      the sizes of issue 11: 2 GB of text gzipped, 4 GB of zeros gzipped, 300,000
#               empty tar entries, 100,000-deep JSON/XML/HTML, a 100 MB line (needs ~3 GB of disk
#               and a few minutes)
#   --big-json  also writes big-json/articles.json (2 GB: {"status": "ok", "articles": [...]}) and
#               big-jsonl/articles.jsonl (the same articles, one a line)
#
# The normal articles are the five files under OUTDIR/normal; each holds the word
# "kestrelwatch" once, so a search for it must list exactly those five.
set -euo pipefail

usage() { echo "usage: $0 OUTDIR [--full] [--big-json]" >&2; exit 2; }
[ $# -ge 1 ] || usage
out="$1"; shift
full=0; big_json=0
for arg in "$@"; do
  case "$arg" in
    --full) full=1 ;;
    --big-json) big_json=1 ;;
    *) usage ;;
  esac
done
command -v python3 > /dev/null || { echo "error: python3 is needed" >&2; exit 2; }

if [ "$full" = 1 ]; then
  text_bytes=$((2 * 1024 * 1024 * 1024)); zero_bytes=$((4 * 1024 * 1024 * 1024))
  empty_entries=300000; depth=100000; line_bytes=$((100 * 1024 * 1024)); zip_depth=8
else
  text_bytes=$((8 * 1024 * 1024)); zero_bytes=$((64 * 1024 * 1024))
  empty_entries=3000; depth=100000; line_bytes=$((3 * 1024 * 1024)); zip_depth=8
fi

rm -rf "$out"
mkdir -p "$out/normal" "$out/hostile"

# ---- five normal articles, one per common format -------------------------------------------
cat > "$out/normal/harbour-birds.txt" <<'EOF'
Harbour birds return after the storm

Volunteers counting seabirds on the north pier said on Tuesday that the colony had come back
within a week of the storm. The kestrelwatch group, which has kept the count since 2009, logged
412 nests, close to last year's figure.
EOF
cat > "$out/normal/council-budget.md" <<'EOF'
---
title: Council passes a smaller budget
date: 2026-03-04
source: Valley Courier
---
The town council approved a budget two per cent smaller than last year's, keeping the library
open on Saturdays. Members of the kestrelwatch committee asked for the nature reserve's grant
to stay; it was cut by a tenth.
EOF
cat > "$out/normal/ferry-strike.json" <<'EOF'
{"id": "vc-2026-0311", "title": "Ferry crews call off their strike", "date": "2026-03-11",
 "source": "Valley Courier",
 "body": "Ferry crews called off a two-day strike after the operator agreed to review rosters. The kestrelwatch boat trips, which use the same pier, will run as planned."}
EOF
cat > "$out/normal/market-day.jsonl" <<'EOF'
{"id": "vc-2026-0318", "title": "Market day moves to the square", "date": "2026-03-18", "body": "The weekly market moves to the old square from April. Stallholders welcomed the change; the kestrelwatch stand will sell its calendar there."}
EOF
cat > "$out/normal/school-choir.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>School choir wins the regional cup</title></head>
<body><article><h1>School choir wins the regional cup</h1>
<p>The primary school choir won the regional cup on Saturday with a song about the estuary,
written with help from the kestrelwatch volunteers.</p></article></body></html>
EOF

# ---- hostile inputs ------------------------------------------------------------------------
h="$out/hostile"
# A huge text, gzipped: one article of prose lines far past --max-article-bytes.
python3 - "$text_bytes" <<'EOF' | gzip -1 > "$h/huge-text.txt.gz"
import sys
total = int(sys.argv[1])
line = b"The tide came in over the flats and the gulls rose as one above the mud.\n"
block = line * (1 << 14)
out = sys.stdout.buffer
written = 0
while written < total:
    chunk = block[: total - written]
    out.write(chunk)
    written += len(chunk)
EOF
# Zeros, gzipped: a compression bomb (about 1000:1), named as JSON Lines so it is read.
head -c "$zero_bytes" /dev/zero | gzip -1 > "$h/zeros.jsonl.gz"
# Text that repeats one letter, compressed about 1000:1 and with no line break: no NUL tells it
# apart from text.
head -c "$zero_bytes" /dev/zero | tr '\0' 'a' | gzip -1 > "$h/letters.jsonl.gz"

python3 - "$h" "$empty_entries" "$depth" "$line_bytes" "$zip_depth" <<'EOF'
import io, os, sys, tarfile, zipfile
h, empty_entries, depth, line_bytes, zip_depth = sys.argv[1], *map(int, sys.argv[2:])

# A zip inside a zip inside a zip ..., the innermost holding one small article.
data = b"Deep inside the nested archives lies one short article about a lighthouse.\n"
name = "lighthouse.txt"
for level in range(zip_depth, 0, -1):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, data)
    data, name = buffer.getvalue(), f"level{level}.zip"
with open(os.path.join(h, "nested.zip"), "wb") as f:
    f.write(data)

# A tar of empty entries.
with tarfile.open(os.path.join(h, "empty-entries.tar"), "w") as t:
    for i in range(empty_entries):
        info = tarfile.TarInfo(f"empty/{i:06d}.txt")
        info.size = 0
        t.addfile(info, io.BytesIO())

# Entry names that try to escape or to drive a terminal; only ever labels.
with tarfile.open(os.path.join(h, "names.tar"), "w", format=tarfile.GNU_FORMAT,
                  encoding="utf-8", errors="surrogateescape") as t:
    for entry in ["../../escaped.txt", "/etc/passwd.txt", "ansi-\x1b[2J.txt", "bad-\udcff-utf8.txt"]:
        body = b"An entry with a strange name; its text is ordinary.\n"
        info = tarfile.TarInfo(entry)
        info.size = len(body)
        t.addfile(info, io.BytesIO(body))

# Nesting far deeper than any article.
with open(os.path.join(h, "deep.json"), "w") as f:
    f.write('{"title": "deep", "body": ' + "[" * depth + "]" * depth + "}")
with open(os.path.join(h, "deep-array.json"), "w") as f:
    f.write("[" * depth + "]" * depth)
with open(os.path.join(h, "deep.xml"), "w") as f:
    f.write("<?xml version='1.0'?>" + "<a>" * depth + "text" + "</a>" * depth)
with open(os.path.join(h, "deep.html"), "w") as f:
    f.write("<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "</body></html>")

# Bytes that are no UTF-8, and NULs, in text files.
with open(os.path.join(h, "bad-bytes.txt"), "wb") as f:
    f.write(b"A report with broken bytes \xff\xfe\xc3 in the middle.\n" * 50)
with open(os.path.join(h, "nul.txt"), "wb") as f:
    f.write(b"\x00" * 4096)

# A single line far past the cap, as JSON Lines (one record) and as text.
with open(os.path.join(h, "long-line.jsonl"), "w") as f:
    f.write('{"title": "long", "body": "' + "word " * (line_bytes // 5) + '"}\n')
with open(os.path.join(h, "long-line.txt"), "w") as f:
    f.write("word " * (line_bytes // 5))

# Names that lie about their content.
with open(os.path.join(h, "lies.json"), "w") as f:
    f.write("<html><body><p>This is a page, not JSON.</p></body></html>\n")
with open(os.path.join(h, "lies.jsonl"), "w") as f:
    f.write("id,title,body\n1,CSV,not JSON Lines\n" * 20)
with open(os.path.join(h, "picture.txt"), "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
EOF

# Special files: a FIFO nobody writes to, a loop of folder links, and links that point nowhere.
mkfifo "$h/pipe.txt"
mkdir -p "$h/loop"
ln -s .. "$h/loop/up"
ln -s missing-b "$h/missing-a.txt"

if [ "$big_json" = 1 ]; then
  mkdir -p "$out/big-json" "$out/big-jsonl"
  python3 - "$out" <<'EOF'
import json, random, sys
out = sys.argv[1]
target = 2 * 1024 * 1024 * 1024
# Made-up words of two or three syllables: bodies drawn from them are all different (no two
# articles are copies), with a vocabulary of a few thousand words as in real news.
rng = random.Random(11)
syllables = "ka lo mi ne ru sa te vo di pa ge ho ju ri wa bo ce fu li mo".split()
words = sorted({"".join(rng.choices(syllables, k=rng.choice((2, 3)))) for _ in range(6000)})
def article(i):
    body = " ".join(rng.choices(words, k=300))
    return {"id": f"big-{i}", "title": "Article " + str(i) + " " + " ".join(rng.choices(words, k=6)),
            "date": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}", "body": body}
with open(f"{out}/big-json/articles.json", "w") as a, open(f"{out}/big-jsonl/articles.jsonl", "w") as l:
    a.write('{"status": "ok", "articles": [\n')
    written, i = 0, 0
    while written < target:
        record = json.dumps(article(i))
        a.write(("," if i else "") + record + "\n")
        l.write(record + "\n")
        written += len(record) + 2
        i += 1
    a.write("]}\n")
print(f"big-json: {i} articles", file=sys.stderr)
EOF
fi
echo "wrote $out"
