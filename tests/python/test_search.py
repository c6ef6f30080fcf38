"""Each Database call returns exactly what newsdex-search prints for the same arguments
(--format jsonl, or json where jsonl has no object for it)."""

import threading

import pytest

import newsdex
from conftest import json_object, jsonl, search_cli

# Queries that exercise the parser's paths: words, a phrase, OR and exclusion, a field,
# a wildcard, dates, NEAR, scripts other than Latin.
QUERIES = [
    "north korean soldiers",
    '"prisoners of war" kursk',
    "cocoa OR sugar -brazil",
    "title:kursk",
    "sanction*",
    "date:2024-11..2025-01 oil",
    "oil NEAR/3 opec",
    "東京",
    "crude",
]


def hit_lines(lines):
    return [line for line in lines if "rank" in line]


@pytest.mark.parametrize("query", QUERIES)
def test_search_hits_are_the_jsonl_hit_lines(db, corpus_db, query):
    assert db.search(query) == hit_lines(jsonl(corpus_db, query))


@pytest.mark.parametrize("kwargs,args", [
    (dict(limit=3, offset=2), ["-n", "3", "--offset", "2"]),
    (dict(match="any"), ["--match", "any"]),
    (dict(sort="-date", limit=5), ["--sort", "-date", "-n", "5"]),
    (dict(sort="date", since="2024", until="2025-01-31"), ["--sort", "date", "--since", "2024", "--until", "2025-01-31"]),
    (dict(snippet_chars=60), ["--snippet-chars", "60"]),
    (dict(bm25={"k1": 2.0, "b": 0.3}), ["--bm25", "k1=2.0,b=0.3"]),
    (dict(expand=True, match="any"), ["--expand", "--match", "any"]),
    (dict(expand={"docs": 3, "terms": 5, "weight": 0.5}), ["--expand", "--expand-docs", "3", "--expand-terms", "5", "--expand-weight", "0.5"]),
    (dict(collapse=True), ["--collapse"]),
])
def test_search_options_match_the_command_line(db, corpus_db, kwargs, args):
    for query in ("oil prices", "north korean soldiers"):
        assert db.search(query, **kwargs) == hit_lines(jsonl(corpus_db, *args, query))


def test_hits_carry_the_json_objects_other_members(db, corpus_db):
    hits = db.search("oil", limit=2, facets=["topic", "year"], facet_size=3, expand=True)
    expected = json_object(corpus_db, "-n", "2", "--facet", "topic", "--facet", "year", "--facet-size", "3", "--expand", "oil")
    assert hits.total == expected["total"]
    assert hits.offset == expected["offset"]
    assert hits.ranking == expected["ranking"]
    assert hits.ranking["expand"]["terms"]  # the expansion really ran
    assert hits.facets == expected["facets"]
    assert [{k: v for k, v in h.items() if k != "query"} for h in hits] == expected["results"]
    assert hits.query == "oil" and hits.qid is None
    assert isinstance(hits.time_us, int) and hits.time_us > 0


def test_a_suggestion_is_on_the_hits_and_from_suggest(db, corpus_db):
    closing = jsonl(corpus_db, "nort korean soldiers")[-1]
    assert closing == {"query": "nort korean soldiers", "suggestion": "north korean soldiers"}
    assert db.search("nort korean soldiers").suggestion == "north korean soldiers"
    assert db.suggest("nort korean soldiers") == "north korean soldiers"
    assert db.suggest("north korean soldiers") is None
    assert db.search("nort korean soldiers", suggest=False).suggestion is None


def test_warnings_come_with_the_hits(db, corpus_db):
    closing = jsonl(corpus_db, "--max-expansions", "1", "s*")[-1]
    hits = db.search("s*", max_expansions=1)
    assert hits.warnings == closing["warnings"]
    assert hits.warnings and "s*" in hits.warnings[0]


def test_count(db, corpus_db):
    for query, args in [("cocoa", []), ("oil", ["--match", "any"]), ("oil prices", ["--match", "any"]),
                        ("oil", ["--since", "2025"])]:
        expected = jsonl(corpus_db, "--count", *args, query)
        kwargs = {"match": "any"} if "--match" in args else {"since": "2025"} if "--since" in args else {}
        assert expected == [{"query": query, "count": db.count(query, **kwargs)}]
    assert db.count("cocoa") == 7


def test_facets(db, corpus_db):
    expected = json_object(corpus_db, "--facet", "topic", "--facet", "source", "--facet-size", "4", "oil")["facets"]
    assert db.facets("oil", ["topic", "source"], size=4) == expected
    assert list(db.facets("oil", ["source", "topic"])) == ["source", "topic"]
    everything = json_object(corpus_db, "--facet", "place", "--facet-size", "0", "oil")["facets"]
    assert db.facets("oil", "place", size=0) == everything


@pytest.mark.parametrize("period", ["day", "week", "month", "year"])
def test_timeline(db, corpus_db, period):
    assert [db.timeline("oil OR cocoa", period)] == jsonl(corpus_db, "--timeline", period, "oil OR cocoa")
    ranged = jsonl(corpus_db, "--timeline", period, "--since", "2024-06", "--until", "2025-03", "oil")
    assert [db.timeline("oil", period, since="2024-06", until="2025-03")] == ranged


def test_kwic(db, corpus_db):
    assert db.kwic('"crude oil"') == jsonl(corpus_db, "--kwic", '"crude oil"')
    assert db.kwic("kursk", width=15, limit=2) == jsonl(corpus_db, "--kwic", "--kwic-width", "15", "-n", "2", "kursk")


def test_show(db, corpus_db):
    expected = jsonl(corpus_db, "--show", "hw-2025-007")
    assert db.show("hw-2025-007") == expected[0]
    assert db.show("HW-2025-007", all=True) == jsonl(corpus_db, "--show", "HW-2025-007")
    assert db.show("no-such-id") is None
    assert db.show("no-such-id", all=True) == []


def test_stats(db, corpus_db):
    assert db.stats() == jsonl(corpus_db, "--stats")[0]
    assert db.stats()["articles"] == 71


def test_like(db, corpus_db):
    assert db.like("hw-2025-007", limit=5) == hit_lines(jsonl(corpus_db, "--like", "hw-2025-007", "-n", "5"))
    restricted = jsonl(corpus_db, "--like", "hw-2025-007", "--since", "2025", "prisoners")
    assert db.like("hw-2025-007", query="prisoners", since="2025") == hit_lines(restricted)
    assert db.like("hw-2025-007").ranking["like"] == "hw-2025-007"


def test_export_is_a_generator_of_export_lines(db, corpus_db):
    import json
    records = db.export("oil")
    assert iter(records) is records  # a generator, not a list
    expected = [json.loads(line) for line in search_cli(corpus_db, "--export", "-", "oil").splitlines()]
    assert list(records) == expected
    ranked = [json.loads(line) for line in search_cli(corpus_db, "--export", "-", "--sort", "-date", "oil").splitlines()]
    assert list(db.export("oil", ranked=True, sort="-date")) == ranked
    assert len(list(db.export(page=7))) == 71  # every article, read seven at a time


def test_threads_share_one_database(db):
    queries = QUERIES * 3
    expected = {q: db.search(q) for q in QUERIES}
    results, failures = {}, []

    def worker(offset):
        try:
            for q in queries[offset::4]:
                results.setdefault(q, []).append(db.search(q))
        except Exception as e:  # reported below: an assert in a thread would be lost
            failures.append(e)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    for q, answers in results.items():
        for answer in answers:
            assert answer == expected[q]


def test_reopen_sees_new_commits(tmp_path, corpus_db):
    import shutil
    source = tmp_path / "articles"
    source.mkdir()
    (source / "one.txt").write_text("Title: Zeppelin mooring mast\n\nA zeppelin moored at the mast overnight.\n")
    db_path = tmp_path / "fresh.db"
    newsdex.index(db_path, source, jobs=1)
    fresh = newsdex.open(db_path)
    assert fresh.count("zeppelin") == 1
    shutil.copy(source / "one.txt", source / "two.txt")
    newsdex.index(db_path, source, jobs=1)
    assert fresh.count("zeppelin") == 1  # the revision it opened
    fresh.reopen()
    assert fresh.count("zeppelin") == 2


def test_duplicates(tmp_path):
    text = ("Port authorities said on Tuesday that the harbour dredging project would add two metres of depth "
            "to the main channel by next spring, allowing larger container ships to dock without waiting "
            "for the tide, and that the contract had been awarded to a consortium of three local firms.")
    folder = tmp_path / "wire"
    folder.mkdir()
    for n, source in enumerate(["Harbor Wire", "Daily Meridian", "Lantern Post"], 1):
        (folder / f"copy{n}.txt").write_text(f"Title: Harbour dredging contract awarded\nSource: {source}\nId: copy-{n}\n\n{text}\n")
    (folder / "other.txt").write_text("Title: Unrelated\nId: other-1\n\nA story about something else entirely.\n")
    db_path = str(tmp_path / "wire.db")
    summary = newsdex.index(db_path, str(folder), jobs=1)
    assert summary["joined_copies"] == 2
    db = newsdex.open(db_path)
    copies = db.duplicates("copy-1")
    assert sorted(h["id"] for h in copies) == ["copy-2", "copy-3"]
    assert copies == hit_lines(jsonl(db_path, "--duplicates", "copy-1"))
    assert db.duplicates("other-1") == []
