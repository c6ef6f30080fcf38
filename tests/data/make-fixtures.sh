#!/usr/bin/env bash
# Regenerates the binary fixtures under tests/data/encodings and tests/data/archives from the
# invented text below: legacy charsets (iconv), compressed files, tar and zip archives, damaged
# gzip streams and a WARC file. The outputs are committed; run this only to change them, then
# re-check the expectations in tests/encoding_test.cpp, archive_test.cpp and warc_test.cpp.
# Needs: bash, iconv, gzip, bzip2, xz, zstd, GNU tar, zip.
set -euo pipefail
export LC_ALL=C TZ=UTC

here=$(cd "$(dirname "$0")" && pwd)
enc="$here/encodings"
arc="$here/archives"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$enc" "$arc"

# ---- encodings ------------------------------------------------------------------------------

# $1 charset, $2 output file; the UTF-8 text comes on stdin.
to_charset() { iconv -f UTF-8 -t "$1" > "$2"; }

to_charset ISO-8859-1 "$enc/latin1.txt" <<'EOF'
Title: Le café de la Bourse

Les négociants de Genève ont été surpris : le prix du café a augmenté de 12 % à l'ouverture, déjà très élevé après la sécheresse.
EOF

to_charset WINDOWS-1252 "$enc/windows1252.txt" <<'EOF'
Title: Börse im Überblick

Der Index schloss mit einem Plus von 1,2 % – „ein ruhiger Tag“, hieß es. Gold stieg auf 2.150 €, während Händler über Zölle grübelten.
EOF

to_charset KOI8-R "$enc/koi8r.txt" <<'EOF'
Title: Рубль укрепился

Курс рубля вырос по отношению к доллару и евро, сообщили в Центральном банке. Аналитики ожидают, что рост продолжится до конца недели.
EOF

to_charset SHIFT_JIS "$enc/shift_jis.txt" <<'EOF'
Title: 日経平均が続伸

東京株式市場で日経平均株価は続伸した。輸出関連株が買われ、円安が追い風となった。市場関係者は来週の日銀会合に注目している。
EOF

to_charset GB18030 "$enc/gb18030.txt" <<'EOF'
Title: 上海股市上涨

上海证券交易所今日收盘，综合指数上涨百分之一。分析人士表示，投资者对经济前景保持乐观，银行股表现强劲。
EOF

utf16_text='Title: UTF-16 note

Zürich – 東京 – Москва.
'
{ printf '\xFF\xFE'; printf '%s' "$utf16_text" | iconv -f UTF-8 -t UTF-16LE; } > "$enc/utf16le_bom.txt"
{ printf '\xFE\xFF'; printf '%s' "$utf16_text" | iconv -f UTF-8 -t UTF-16BE; } > "$enc/utf16be_bom.txt"
{ printf '\xFF\xFE\x00\x00'; printf '%s' "$utf16_text" | iconv -f UTF-8 -t UTF-32LE; } > "$enc/utf32le_bom.txt"

# Too few non-ASCII bytes for detection: the declarations must decide.
to_charset KOI8-R "$enc/meta_koi8r.html" <<'EOF'
<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><title>Мир</title></head><body><p>Да.</p></body></html>
EOF
to_charset ISO-8859-15 "$enc/declared_latin9.xml" <<'EOF'
<?xml version="1.0" encoding="ISO-8859-15"?>
<rss version="2.0"><channel><item><title>Price: 5 €</title></item></channel></rss>
EOF
# And without one: four bytes outside ASCII are too little to guess from.
to_charset ISO-8859-1 "$enc/short_latin1.txt" <<'EOF'
Title: Café

Crème brûlée.
EOF

# ---- archives and compressed files ----------------------------------------------------------

# Deterministic tar: fixed owner and times, entries in the order given.
make_tar() {  # $1 output, $2 folder, rest: entries
    local out=$1 dir=$2
    shift 2
    tar --format=ustar --mtime='2025-01-01 00:00:00' --owner=0 --group=0 --numeric-owner \
        -C "$dir" -cf "$out" "$@"
}

src="$work/news"
mkdir -p "$src/world" "$src/data" "$src/old"
cat > "$src/world/markets.txt" <<'EOF'
Title: Markets steady
Date: 2025-03-03

Shares held their ground in early trade as investors waited for the central bank.
EOF
cat > "$src/world/briefs.jsonl" <<'EOF'
{"id": "b-1", "title": "Ferry strike ends", "body": "Crews returned to work on Tuesday."}
{"id": "b-2", "title": "Rail link approved", "body": "The new line will open in 2027."}
EOF
printf '[{"id": "w-100", "title": "Wire one", "body": "Copper rose."}, {"id": "w-101", "title": "Wire two", "body": "Tin fell."}]\n' \
    | gzip -n -9 > "$src/data/wire.json.gz"
printf 'hidden finder metadata\n' > "$src/.DS_Store"
printf '\xFF\xD8\xFF\xE0 not really a photo\n' > "$src/world/photo.jpg"
make_tar "$src/old/inner.tar" "$src/world" markets.txt
make_tar "$work/news.tar" "$src" world/markets.txt world/briefs.jsonl data/wire.json.gz .DS_Store \
    world/photo.jpg old/inner.tar
gzip -n -9 -c "$work/news.tar" > "$arc/news.tar.gz"

zsrc="$work/bundle"
mkdir -p "$zsrc/notes" "$zsrc/__MACOSX"
cat > "$zsrc/story.md" <<'EOF'
---
title: Lighthouse keepers return
date: 2025-04-01
---
The coastal lights are staffed again after a decade of automation.
EOF
cat > "$zsrc/notes/brief.txt" <<'EOF'
Title: Orchard harvest

Apple growers reported their best season in years.
EOF
printf '\x00\x05\x16\x07 resource fork\n' > "$zsrc/__MACOSX/._story.md"
touch -d '2025-01-01 00:00:00' "$zsrc/story.md" "$zsrc/notes/brief.txt" "$zsrc/__MACOSX/._story.md"
rm -f "$arc/bundle.zip"
(cd "$zsrc" && zip -X -q "$arc/bundle.zip" story.md notes/brief.txt __MACOSX/._story.md)

cat <<'EOF' | gzip -n -9 > "$arc/feed.jsonl.gz"
{"id": "f-1", "title": "Snow closes pass", "date": "2025-01-20"}
{"id": "f-2", "title": "Pass reopens", "date": "2025-01-22"}
EOF
printf 'Title: Compressed with bzip2\n\nThe bz2 body.\n' | bzip2 -9 > "$arc/note.txt.bz2"
printf -- '---\ntitle: Compressed with xz\n---\nThe xz body.\n' | xz -9 > "$arc/report.md.xz"
printf '{"id": "z-1", "title": "Compressed with zstd"}\n' | zstd -q -19 > "$arc/wire.json.zst"

# A TREC file named without extension, as TREC's collections ship them.
mkdir -p "$arc/trec"
cat <<'EOF' | gzip -n -9 > "$arc/trec/fb396001.gz"
<DOC>
<DOCNO> FB396001-0001 </DOCNO>
<HEADLINE> Grain harvest estimate raised </HEADLINE>
<TEXT>
The ministry raised its grain harvest estimate for the season.
</TEXT>
</DOC>
EOF

# The same, uncompressed.
cat > "$arc/trec/la010190" <<'EOF2'
<DOC>
<DOCNO> LA010190-0001 </DOCNO>
<HEADLINE> Council approves bus lanes </HEADLINE>
<TEXT>
The city council approved two new bus lanes downtown.
</TEXT>
</DOC>
EOF2

# Truncated: the first 70000 bytes of the tar in one gzip member, the rest in a second member
# cut after 12 bytes. libarchive decompresses in 64 KiB blocks, so it delivers the tar's first
# 65536 bytes: first.txt and second.json whole, third.txt cut in the middle.
tsrc="$work/trunc"
mkdir -p "$tsrc/wire"
printf 'Title: First wire\n\nMarkets opened higher.\n' > "$tsrc/wire/first.txt"
printf '{"id": "t-2", "title": "Second wire", "body": "Bonds were flat."}\n' > "$tsrc/wire/second.json"
{
    printf 'Title: Third wire\n\n'
    for i in $(seq -w 1 2000); do printf 'Paragraph %s of the long wire report.\n' "$i"; done
} > "$tsrc/wire/third.txt"
make_tar "$work/trunc.tar" "$tsrc" wire/first.txt wire/second.json wire/third.txt
{
    head -c 70000 "$work/trunc.tar" | gzip -n -9
    tail -c +70001 "$work/trunc.tar" | gzip -n -9 | head -c 12
} > "$arc/truncated.tar.gz"

# A gzip stream whose first deflate block has the reserved type 3: "gzip decompression failed".
bad_gzip() { printf '\x1F\x8B\x08\x00\x00\x00\x00\x00\x02\x03\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF'; }
bad_gzip > "$arc/broken.jsonl.gz"
msrc="$work/mixed"
mkdir -p "$msrc"
printf 'Title: Before the bad entry\n\nRead first.\n' > "$msrc/good.txt"
bad_gzip > "$msrc/bad.json.gz"
printf '# After the bad entry\n\nRead last.\n' > "$msrc/after.md"
make_tar "$arc/mixed.tar" "$msrc" good.txt bad.json.gz after.md

# Not TREC, no extension: ignored without a warning, so it can say what is here.
cat > "$arc/README" <<'EOF2'
Fixtures for tests/archive_test.cpp and tests/warc_test.cpp, made by ../make-fixtures.sh.
news.tar.gz   3 files of articles (one a nested .json.gz) and 3 ignored entries
bundle.zip    2 files of articles and a __MACOSX resource fork
*.gz .bz2 .xz .zst   single compressed files; trec/ TREC files without extension
truncated.tar.gz     cut after 64 KiB of tar: 2 whole entries, the third cut
broken.jsonl.gz, mixed.tar   invalid gzip data, alone and as an entry
crawl.warc.gz        9 WARC records: 3 HTML pages, a request, an image, a malformed record, ...
EOF2

# ---- WARC -----------------------------------------------------------------------------------

# $1 type, $2 target URI, $3 date, $4 content type, $5 block file, [$6 Content-Length override].
# Writes one record, gzipped on its own as Common Crawl does.
warc_record() {
    local length=${6:-$(wc -c < "$5")}
    {
        printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n' "$1" "$(printf '%s%s' "$1" "$2" | md5sum | cut -c1-32)"
        printf 'WARC-Date: %s\r\n' "$3"
        [ -n "$2" ] && printf 'WARC-Target-URI: %s\r\n' "$2"
        printf 'Content-Type: %s\r\nContent-Length: %s\r\n\r\n' "$4" "$length"
        cat "$5"
        printf '\r\n\r\n'
    } | gzip -n -9
}
http_head() {  # $1 status line, rest: header lines
    printf '%s\r\n' "$@"
    printf '\r\n'
}
w="$work/warc"
mkdir -p "$w"
printf 'software: newsdex make-fixtures.sh\r\nformat: WARC File Format 1.0\r\n' > "$w/info"
http_head 'GET /harbour HTTP/1.1' 'Host: news.example.org' > "$w/request"
{
    http_head 'HTTP/1.1 200 OK' 'Content-Type: text/html; charset=utf-8'
    printf '<!DOCTYPE html><html><head><title>Harbour cranes return</title>'
    printf '<link rel="canonical" href="https://news.example.org/harbour-cranes">'
    printf '<meta property="article:published_time" content="2025-02-10T08:00:00Z"></head>'
    printf '<body><h1>Harbour cranes return</h1><p>The port of Kestrel Bay reopened its container berths on Monday.</p></body></html>'
} > "$w/page1"
printf '<html><head><meta charset="utf-8"><title>Café prices “soar”</title></head><body><p>Traders in Zürich paid 5 € more.</p></body></html>' \
    | iconv -f UTF-8 -t WINDOWS-1252 > "$w/page2.html"
{
    http_head 'HTTP/1.1 200 OK' 'Content-Type: text/html; charset=windows-1252' 'Transfer-Encoding: chunked'
    head -c 40 "$w/page2.html" > "$w/chunk1"
    tail -c +41 "$w/page2.html" > "$w/chunk2"
    printf '%x\r\n' "$(wc -c < "$w/chunk1")"; cat "$w/chunk1"; printf '\r\n'
    printf '%x;ext=1\r\n' "$(wc -c < "$w/chunk2")"; cat "$w/chunk2"; printf '\r\n'
    printf '0\r\n\r\n'
} > "$w/page2"
{ http_head 'HTTP/1.1 200 OK' 'Content-Type: image/png'; printf '\x89PNG\r\n\x1A\n not a picture'; } > "$w/image"
{ http_head 'HTTP/1.1 200 OK' 'Content-Type: text/html'; printf '<html><body><p>Lost length.</p></body></html>'; } > "$w/malformed"
{
    http_head 'HTTP/1.1 200 OK' 'Content-Type: text/html' 'Content-Encoding: gzip'
    printf '<html><head><title>Glacier survey</title></head><body><p>The ice retreated 40 metres.</p></body></html>' | gzip -n -9
} > "$w/page3"
{ http_head 'HTTP/1.1 301 Moved Permanently' 'Location: /elsewhere' 'Content-Type: text/html'; printf '<html><body>Moved</body></html>'; } > "$w/redirect"
printf 'fetchTimeMs: 12\r\n' > "$w/metadata"
{
    warc_record warcinfo '' 2025-02-11T09:00:00Z application/warc-fields "$w/info"
    warc_record request https://news.example.org/harbour 2025-02-11T09:30:00Z 'application/http; msgtype=request' "$w/request"
    warc_record response https://news.example.org/harbour 2025-02-11T09:30:00Z 'application/http; msgtype=response' "$w/page1"
    warc_record response https://news.example.org/cafe 2025-02-11T09:31:00Z 'application/http; msgtype=response' "$w/page2"
    warc_record response https://news.example.org/logo.png 2025-02-11T09:32:00Z 'application/http; msgtype=response' "$w/image"
    warc_record response https://news.example.org/lost 2025-02-11T09:33:00Z 'application/http; msgtype=response' "$w/malformed" many
    warc_record response https://news.example.org/glacier 2025-02-11T09:34:00Z 'application/http; msgtype=response' "$w/page3"
    warc_record response https://news.example.org/old 2025-02-11T09:35:00Z 'application/http; msgtype=response' "$w/redirect"
    warc_record metadata https://news.example.org/glacier 2025-02-11T09:34:00Z application/warc-fields "$w/metadata"
} > "$arc/crawl.warc.gz"

echo "fixtures written to $enc and $arc"
