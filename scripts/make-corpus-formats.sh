#!/usr/bin/env bash
# Builds the binary and legacy-encoded articles of corpus/formats/ from the texts below:
#   compressed/wire-2025-02.jsonl.gz       JSON Lines, gzip
#   archives/desk-bundle-2025-02.tar.gz    a .txt and an .html in a gzipped tar
#   archives/weekend-column.zip            a .md in a zip
#   warc/crawl-2025-02.warc.gz             warcinfo, request and two HTML responses, one gzip member each
#   encodings/*                            ISO-8859-1 French, KOI8-R Russian, Shift_JIS Japanese
# The texts live only here, so the corpus never holds the same article twice; the generated
# files are committed. The output is byte-for-byte the same on every run (gzip -n, fixed
# times, owners and order), so re-running it changes nothing in git unless a text changed.
# docs/corpus.md lists every article; tests/e2e_test.cpp searches them.
set -euo pipefail

export LC_ALL=C TZ=UTC
umask 022

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/corpus/formats"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in gzip tar zip iconv; do
    command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }
done
mkdir -p "$out/compressed" "$out/archives" "$out/warc" "$out/encodings"

# ---- compressed/wire-2025-02.jsonl.gz ---------------------------------------------------------

cat > "$work/wire-2025-02.jsonl" <<'EOF'
{"id": "fmt-jsonl-2025-0215-01", "title": "Valparaíso council votes to rescue the Miramelga funicular", "body": "Valparaíso's municipal council voted on Friday to take over the Ascensor Miramelga, a 19th-century funicular that has been shut since a cable snapped in 2023, and to spend 2.1 billion pesos restoring it over the next two years.\n\nThe wooden cars of the Miramelga climbed 70 metres from the port district to one of the city's hillside neighbourhoods, where many older residents now face a walk of more than 300 steps to reach shops and clinics. The private company that owned the funicular went bankrupt after the accident.\n\n\"This is not a museum piece, it is public transport,\" said councillor Javiera Soto, who led the campaign to save it. The council hopes a national heritage fund will pay half of the bill.\n\nValparaíso once had more than 30 funiculars. About a dozen still run, several of them restored with public money since the city's historic quarter was declared a World Heritage site in 2003.", "date": "2025-02-15T13:00:00-03:00", "source": "Harbor Wire", "url": "https://harborwire.example/2025/02/15/valparaiso-miramelga-funicular", "author": "Camila Rojas", "language": "en", "topics": ["local politics", "city council", "transport"], "places": ["Valparaíso", "Chile"], "organisations": ["Valparaíso Municipal Council"]}
{"id": "fmt-jsonl-2025-0216-02", "title": "Lithuanian volunteers send their hundredth generator convoy to Ukraine", "body": "Baltvolt, a group of Lithuanian volunteers who collect and repair diesel generators for Ukrainian hospitals, sent its hundredth convoy from Vilnius on Saturday, carrying 24 machines bound for clinics in the Kharkiv and Sumy regions.\n\nThe group began in the winter of 2022, when strikes on Ukraine's power stations left hospitals relying on backup power for days at a time. Its members, many of them retired electricians, rebuild second-hand generators donated by Lithuanian farms and building firms in a garage on the edge of the city.\n\n\"Every machine runs for 48 hours on our test bench before it leaves,\" said Baltvolt's founder, Rasa Petrauskienė. \"A generator that fails in an operating theatre is worse than none.\"\n\nThe group says it has delivered more than 1,900 generators so far. The Lithuanian government pays for the convoys' fuel; everything else comes from private donations.", "date": "Sun, 16 Feb 2025 09:00:00 +0200", "source": "Harbor Wire", "url": "https://harborwire.example/2025/02/16/baltvolt-generator-convoy", "author": "Tomas Reyes", "language": "en", "topics": ["Ukraine", "volunteers", "energy"], "places": ["Vilnius", "Kharkiv", "Sumy"], "organisations": ["Baltvolt"]}
EOF
gzip -n -9 -c "$work/wire-2025-02.jsonl" > "$out/compressed/wire-2025-02.jsonl.gz"

# ---- archives/desk-bundle-2025-02.tar.gz ------------------------------------------------------

mkdir -p "$work/tar/desk-bundle"
cat > "$work/tar/desk-bundle/tengrivel-condensate.txt" <<'EOF'
Title: Tengrivel condensate begins flowing to the Black Sea
Date: 2025-02-17T07:00:00+05:00
Source: Harbor Wire
Author: Aigerim Sadykova
URL: https://harborwire.example/2025/02/17/tengrivel-condensate
ID: fmt-tar-2025-0217
Language: en
Topics: energy, pipelines, Kazakhstan
Places: Atyrau, Astana, Kazakhstan
Organisations: Tengrivel Operating Company

The first condensate from the Tengrivel field in western Kazakhstan has entered the export pipeline to the Black Sea, the field's operator said on Monday, three years later than planned and at twice the original budget.

Tengrivel is expected to add about 80,000 barrels a day of light condensate to Kazakhstan's exports by the end of the year, lifting the country's output above the quota it has agreed with other producers. Officials in Astana said the extra barrels would be offset by cuts at older fields.

The project was held up by a dispute over the cost of a gas-processing plant and by corrosion in a section of pipe that had to be replaced. "The field is difficult, the gas is sour and the reservoir is deep," the operator's chief executive, Marat Ospanov, told reporters in Atyrau.

Analysts said the extra supply would weigh on the prices of light grades in the Mediterranean, where European refiners already have plenty of choice.
EOF
cat > "$work/tar/desk-bundle/izmir-bike-lane.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>İzmir council approves a protected bike lane along the Kordon</title>
<meta property="og:site_name" content="Harbor Wire">
<meta property="article:published_time" content="2025-02-18T15:30:00+03:00">
<meta name="author" content="Elif Aydın">
<link rel="canonical" href="https://harborwire.example/2025/02/18/izmir-kordon-bike-lane">
</head>
<body>
<nav><a href="/">Harbor Wire</a> · <a href="/local/">Local</a></nav>
<article>
<h1>İzmir council approves a protected bike lane along the Kordon</h1>
<p>İzmir’s metropolitan council approved on Tuesday a four-kilometre protected bike lane along the Kordon, the city’s seafront promenade, and a contract with the bike-sharing company Mavipedal to put 1,200 electric bicycles on its streets by the autumn.</p>
<p>The lane will run from Konak to Alsancak, separated from traffic by a low kerb and a row of planters. Mavipedal, founded four years ago by two engineers from a local university, already runs a smaller scheme in the suburbs of Bornova and Karşıyaka.</p>
<p>Shopkeepers along the waterfront had opposed the loss of about 300 parking spaces. “People come here by car, they do not come by bicycle,” said Hüseyin Arslan, who runs a café near the clock tower. The council promised to open a car park behind the Konak pier before the lane is finished.</p>
</article>
<footer>© 2025 Harbor Wire</footer>
</body>
</html>
EOF
touch -d @0 "$work/tar/desk-bundle" "$work/tar/desk-bundle"/*
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=ustar \
    -C "$work/tar" -cf - desk-bundle | gzip -n -9 > "$out/archives/desk-bundle-2025-02.tar.gz"

# ---- archives/weekend-column.zip --------------------------------------------------------------

mkdir -p "$work/zip"
cat > "$work/zip/weekend-column.md" <<'EOF'
---
title: "Column: Hollowbrook Labs bets on a phone that does less"
date: 2025-02-22
source: Daily Meridian
author: Tom Whitfield
url: https://dailymeridian.example/tech/2025/02/22/hollowbrook-minimal-phone
id: fmt-zip-2025-0222
language: en
topics: [technology, smartphones, column]
places: [Bristol]
---

In a small office above a bicycle shop in Bristol, the eleven people of **Hollowbrook Labs** are building a phone that deliberately does less than the one in your pocket.

Their prototype has an e-ink screen, a physical keyboard and no app store. It makes calls, sends messages, shows maps and plays podcasts. That is all, and according to its makers, that is the point.

## Selling restraint

"Most of our testers wanted to keep their smartphone for the weekend and take ours to work," says co-founder Priya Raman. The company plans to sell the device for about 350 pounds from the autumn, and has raised enough from a crowdfunding campaign to build the first 5,000.

Hollowbrook is not alone: a handful of start-ups in Europe and the United States sell *minimal phones* to people who want to spend less time scrolling. None has sold more than a few hundred thousand units, and the big manufacturers have answered with screen-time settings rather than simpler hardware.

Still, the idea has a stubborn appeal. I carried the prototype for a week and missed it when I gave it back, which is more than I can say for most gadgets. You can read the company's own account of its design on [its blog](https://hollowbrook.example/blog).
EOF
touch -d @0 "$work/zip/weekend-column.md"
rm -f "$out/archives/weekend-column.zip"
(cd "$work/zip" && zip -X -q -9 "$out/archives/weekend-column.zip" weekend-column.md)

# ---- warc/crawl-2025-02.warc.gz ---------------------------------------------------------------

cat > "$work/oskil-bridge.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ukrainian rail crews reopen the Oskil bridge in five weeks | Quayside Notes</title>
<meta property="og:title" content="Ukrainian rail crews reopen the Oskil bridge in five weeks">
<meta property="og:site_name" content="Quayside Notes">
<meta property="article:published_time" content="2025-02-18T19:10:00+02:00">
<meta name="author" content="Olena Kravets">
<link rel="canonical" href="https://quaysidenotes.example/2025/02/18/oskil-rail-bridge">
</head>
<body>
<header><a href="/">Quayside Notes</a></header>
<article>
<h1>Ukrainian rail crews reopen the Oskil bridge in five weeks</h1>
<p>Ukraine’s state railway reopened a bridge over the Oskil river on Tuesday, five weeks after a missile strike dropped one of its spans into the water, restoring the main freight link between Kharkiv and the east of the country.</p>
<p>Crews from Ironspan, a Lviv company that makes prefabricated steel spans, worked in shifts around the clock through temperatures of minus 15 degrees. A 60-metre span was carried to the site in sections on flat wagons and lifted into place by two rail cranes.</p>
<p>“We had the steel cut in Lviv before the river had even settled,” said Ironspan’s site manager, Andriy Kovalenko. The first train across carried grain wagons bound for the port of Odesa.</p>
<p>The railway says it has rebuilt more than 80 bridges since 2022 and now keeps spare spans in depots across the country so that repairs can start within days.</p>
</article>
<footer>Quayside Notes</footer>
</body>
</html>
EOF
# No canonical link and no date on this page: its url is the WARC-Target-URI, its date the WARC-Date.
cat > "$work/brugemont-pralines.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bruges chocolatier Brugemont makes its pralines smaller instead of dearer</title>
</head>
<body>
<div class="page">
<h1>Bruges chocolatier Brugemont makes its pralines smaller instead of dearer</h1>
<div class="text">
<p>Brugemont, a family-owned chocolatier from Bruges with 14 shops in Belgium and the Netherlands, said on Wednesday it would make its pralines about a tenth smaller from March rather than raise its prices for a third time in a year.</p>
<p>The company buys its couverture from a grinder near Ghent and says the price it pays has more than doubled since the start of 2024, as poor crops in West Africa drove bean prices to records.</p>
<p>“Our customers notice a price rise at the counter immediately. A praline that is one gram lighter, most of them will never notice,” said managing director Lieve Claes, whose grandfather opened the first shop in 1952.</p>
<p>Belgian chocolatiers, many of them small family businesses, have struggled to pass on costs to tourists who already pay some of the highest prices in Europe for a box of chocolates.</p>
</div>
</div>
</body>
</html>
EOF

# One WARC record: version line, header fields, a blank line, the block, two line breaks.
# Usage: warc_record TYPE URI DATE ID CONTENT-TYPE BLOCK-FILE [EXTRA-HEADER...]
warc_record() {
    local type=$1 uri=$2 date=$3 id=$4 content_type=$5 block=$6
    shift 6
    printf 'WARC/1.1\r\n'
    printf 'WARC-Type: %s\r\n' "$type"
    [ -n "$uri" ] && printf 'WARC-Target-URI: %s\r\n' "$uri"
    printf 'WARC-Date: %s\r\n' "$date"
    printf 'WARC-Record-ID: <urn:uuid:%s>\r\n' "$id"
    local extra
    for extra in "$@"; do printf '%s\r\n' "$extra"; done
    printf 'Content-Type: %s\r\n' "$content_type"
    printf 'Content-Length: %s\r\n' "$(wc -c < "$block" | tr -d ' ')"
    printf '\r\n'
    cat "$block"
    printf '\r\n\r\n'
}

# An HTTP response: status line, headers, a blank line, the body as stored.
# Usage: http_response BODY-FILE HEADER...
http_response() {
    local body=$1
    shift
    printf 'HTTP/1.1 200 OK\r\n'
    local header
    for header in "$@"; do printf '%s\r\n' "$header"; done
    printf 'Content-Length: %s\r\n' "$(wc -c < "$body" | tr -d ' ')"
    printf '\r\n'
    cat "$body"
}

oskil_uri="https://quaysidenotes.example/2025/02/18/oskil-rail-bridge"
brugemont_uri="https://lanternpost.example/business/2025/02/19/brugemont-pralines"

printf 'software: newsdex make-corpus-formats.sh\r\nformat: WARC File Format 1.1\r\ndescription: two pages for the Newsdex sample corpus\r\n' \
    > "$work/warcinfo.block"
printf 'GET /2025/02/18/oskil-rail-bridge HTTP/1.1\r\nHost: quaysidenotes.example\r\nUser-Agent: newsdex-sample-crawler/1.0\r\nAccept: text/html\r\n\r\n' \
    > "$work/request.block"
http_response "$work/oskil-bridge.html" \
    'Date: Wed, 19 Feb 2025 06:00:01 GMT' 'Content-Type: text/html; charset=utf-8' \
    > "$work/oskil.block"
# This page came gzip-encoded from the server and is stored as it was sent.
gzip -n -9 -c "$work/brugemont-pralines.html" > "$work/brugemont-pralines.html.gz"
http_response "$work/brugemont-pralines.html.gz" \
    'Date: Wed, 19 Feb 2025 06:00:04 GMT' 'Content-Type: text/html; charset=utf-8' 'Content-Encoding: gzip' \
    > "$work/brugemont.block"

{
    warc_record warcinfo "" 2025-02-19T06:00:00Z 6f0c2a4e-1d7b-4c55-9a40-0b5e8a1f3c01 \
        application/warc-fields "$work/warcinfo.block" 'WARC-Filename: crawl-2025-02.warc.gz' | gzip -n -9
    warc_record request "$oskil_uri" 2025-02-19T06:00:01Z 6f0c2a4e-1d7b-4c55-9a40-0b5e8a1f3c02 \
        'application/http; msgtype=request' "$work/request.block" \
        'WARC-Concurrent-To: <urn:uuid:6f0c2a4e-1d7b-4c55-9a40-0b5e8a1f3c03>' | gzip -n -9
    warc_record response "$oskil_uri" 2025-02-19T06:00:01Z 6f0c2a4e-1d7b-4c55-9a40-0b5e8a1f3c03 \
        'application/http; msgtype=response' "$work/oskil.block" | gzip -n -9
    warc_record response "$brugemont_uri" 2025-02-19T06:00:04Z 6f0c2a4e-1d7b-4c55-9a40-0b5e8a1f3c04 \
        'application/http; msgtype=response' "$work/brugemont.block" | gzip -n -9
} > "$out/warc/crawl-2025-02.warc.gz"

# ---- encodings/ -------------------------------------------------------------------------------
# Written here in UTF-8 and converted; iconv fails on any character the target charset lacks.

cat > "$work/lausanne-velodiere.txt" <<'EOF'
Title: Lausanne : le conseil communal rend la place de la Vélodière aux piétons
Date: 2025-02-19
Source: Le Courrier du Matin
Author: Mathilde Rochat
URL: https://courrierdumatin.example/suisse/2025/02/19/lausanne-velodiere
ID: fmt-enc-fr-2025-0219
Language: fr
Topics: politique locale, conseil communal, mobilité
Places: Lausanne, Vaud

Le conseil communal de Lausanne a adopté mardi soir, par 61 voix contre 27, la création d'une zone piétonne autour de la place de la Vélodière, dans le quartier de Sous-Gare. Les voitures ne pourront plus y circuler à partir de l'été prochain, sauf pour les livraisons avant dix heures.

La municipalité prévoit de planter une quarantaine d'arbres, d'élargir les trottoirs et d'installer des fontaines à boire. Le projet coûtera 6,8 millions de francs, dont une partie sera prise en charge par le canton de Vaud.

« La place redeviendra un lieu où l'on s'arrête, et non un carrefour que l'on traverse », a déclaré la municipale chargée de la mobilité, Anne-Françoise Bugnon. Les commerçants du quartier restent divisés : certains craignent de perdre leur clientèle motorisée, d'autres espèrent profiter de terrasses plus grandes.

Le groupe d'opposition a annoncé qu'il lancerait un référendum. Il lui faudra réunir 4 000 signatures en trente jours, ce que ses élus jugent à leur portée dans un quartier où la décision a été très commentée.
EOF
iconv -f UTF-8 -t ISO-8859-1 "$work/lausanne-velodiere.txt" > "$out/encodings/lausanne-velodiere-latin1.txt"

# KOI8-R has neither guillemets nor dashes: the text uses ASCII quotes and hyphens.
cat > "$work/klyuchegorsk-npz.txt" <<'EOF'
Title: НПЗ в Ключегорске возобновил выпуск дизельного топлива после ремонта
Date: 2025-02-20T10:00:00+03:00
Source: Moskovsky Vestnik
Author: Ирина Волкова
URL: https://vestnik.example/economy/2025/02/20/klyuchegorsk
ID: fmt-enc-ru-2025-0220
Language: ru
Topics: нефтепереработка, топливо, промышленность
Places: Ключегорск

Нефтеперерабатывающий завод в Ключегорске возобновил выпуск дизельного топлива после трехнедельного планового ремонта, сообщила в четверг пресс-служба предприятия. Установка первичной переработки вышла на полную мощность в среду вечером.

Во время ремонта рабочие заменили теплообменники и часть трубопроводов, установленных еще в семидесятых годах. Завод перерабатывает около шести миллионов тонн сырья в год и снабжает топливом автозаправочные станции в нескольких соседних областях.

Ключегорск - небольшой город на берегу реки, где живут около сорока тысяч человек, и завод остается его главным работодателем. "Когда завод стоит, стоит весь город", - сказал водитель автобуса Сергей Мальцев.

По словам трейдеров, остановка завода на время ремонта подтолкнула вверх оптовые цены на дизельное топливо в регионе. Аналитики ожидают, что цены снизятся в ближайшие недели.
EOF
iconv -f UTF-8 -t KOI8-R "$work/klyuchegorsk-npz.txt" > "$out/encodings/klyuchegorsk-npz-koi8r.txt"

cat > "$work/shiomiura-bus.html" <<'EOF'
<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="Shift_JIS">
<title>潮見浦市議会、自動運転バスの試験運行を承認</title>
<meta property="og:title" content="潮見浦市議会、自動運転バスの試験運行を承認">
<meta property="og:site_name" content="東京新報">
<meta property="article:published_time" content="2025-02-18T17:00:00+09:00">
<meta name="author" content="高橋健一">
<link rel="canonical" href="https://tokyoshinpo.example/local/20250218-shiomiura-bus">
</head>
<body>
<nav><a href="/">東京新報</a> | <a href="/local/">地域</a></nav>
<article>
<h1>潮見浦市議会、自動運転バスの試験運行を承認</h1>
<p>潮見浦市議会は十八日、市内の港と駅を結ぶ路線で自動運転バスの試験運行を行う予算案を賛成多数で可決した。運転手不足で路線バスの減便が続くなか、市は来年春から一年間、平日の日中に一台を走らせる計画だ。</p>
<p>試験運行では運転席に係員が乗り、緊急時には手動運転に切り替える。車両は県内の部品メーカーが改造した小型バスで、時速二十キロ程度で走る。市によると、事業費は約二億円で、半分を国の補助金でまかなう。</p>
<p>議会では「高齢者の足を守るには必要だ」と賛成する意見が出た一方、「観光客の多い週末に走らせなければ意味がない」との指摘もあった。市長は「安全を確認しながら、段階的に区間を延ばしたい」と述べた。</p>
</article>
<footer>東京新報</footer>
</body>
</html>
EOF
iconv -f UTF-8 -t SHIFT_JIS "$work/shiomiura-bus.html" > "$out/encodings/shiomiura-bus-sjis.html"

echo "wrote the binary and legacy-encoded articles under ${out#"$root"/}"
