"""Runs and evaluation from Python give the command line's run (--format trec) and its
evaluation (--qrels --format json) for the same queries and judgements."""

import pytest

import newsdex
from conftest import json_object, search_cli

QUERIES = "T1\tnorth korean soldiers\nT2\tcocoa harvest\nT3\tcrude oil prices\nT4\tkursk prisoners\nT5\tzzyzx\n"
QRELS = """T1 0 hw-2025-007 1
T1 0 nl-2024-101 2
T1 0 hw-2025-031 1
T1 0 dm-2025-030 0
T2 0 hw-2025-012 1
T3 0 nl-2025-040 1
T3 0 dm-2025-030 1
T4 0 hw-2025-031 2
T5 0 hw-2025-007 1
"""


@pytest.fixture
def files(tmp_path):
    (tmp_path / "topics.tsv").write_text(QUERIES)
    (tmp_path / "qrels.txt").write_text(QRELS)
    return tmp_path


def trec_lines(db_path, *args):
    return [line.split() for line in search_cli(db_path, "--format", "trec", *args).splitlines()]


def test_read_queries_and_qrels(files):
    assert newsdex.read_queries(files / "topics.tsv") == [
        ("T1", "north korean soldiers"), ("T2", "cocoa harvest"), ("T3", "crude oil prices"),
        ("T4", "kursk prisoners"), ("T5", "zzyzx")]
    assert newsdex.read_qrels(files / "qrels.txt")["T1"] == {"hw-2025-007": 1, "nl-2024-101": 2, "hw-2025-031": 1, "dm-2025-030": 0}


def test_trec_topics_are_read_as_the_command_line_reads_them(tmp_path):
    (tmp_path / "topics.txt").write_text(
        "<top>\n<num> Number: 301\n<title> Topic: cocoa harvest\n<desc> Description:\nRains in Ivory Coast.\n</top>\n")
    assert newsdex.read_queries(tmp_path / "topics.txt") == [("301", "cocoa harvest")]
    assert newsdex.read_queries(tmp_path / "topics.txt", topic_field="title+desc") == [("301", "cocoa harvest Rains in Ivory Coast.")]


@pytest.mark.parametrize("kwargs,args", [
    ({}, []),
    ({"match": "any"}, ["--match", "any"]),
    ({"match": "any", "bm25": {"k1": 2.0, "b": 0.3}, "expand": True}, ["--match", "any", "--bm25", "k1=2,b=0.3", "--expand"]),
])
def test_run_is_the_trec_run(db, corpus_db, files, kwargs, args):
    run = db.run(newsdex.read_queries(files / "topics.tsv"), depth=20, **kwargs)
    lines = trec_lines(corpus_db, "--queries", str(files / "topics.tsv"), "-n", "20", *args)
    expected = {}
    for qid, _, docno, rank, score, _ in lines:
        expected.setdefault(qid, []).append((docno, int(rank), float(score)))
    got = {qid: [(docno, rank, score) for rank, (docno, score) in enumerate(docs.items(), 1)]
           for qid, docs in run.items() if docs}
    # The trec printer prints the shortest text that reads back as the same double.
    assert got == expected
    assert list(run) == ["T1", "T2", "T3", "T4", "T5"] and run["T5"] == {}


def test_run_takes_dicts_pairs_and_plain_strings(db):
    by_dict = db.run({"a": "cocoa", "b": "kursk"}, depth=5)
    assert db.run([("a", "cocoa"), ("b", "kursk")], depth=5) == by_dict
    assert db.run(["cocoa", "kursk"], depth=5) == {"1": by_dict["a"], "2": by_dict["b"]}
    assert len(by_dict["a"]) == 5


def test_evaluate_is_the_command_lines_evaluation(db, corpus_db, files):
    for args, kwargs in [([], {}), (["--match", "any"], {"match": "any"})]:
        expected = json_object(corpus_db, "--queries", str(files / "topics.tsv"), "--qrels", str(files / "qrels.txt"),
                               "--depth", "50", *args)
        run = db.run(newsdex.read_queries(files / "topics.tsv"), depth=50, **kwargs)
        assert newsdex.evaluate(run, files / "qrels.txt", depth=50) == expected
        assert newsdex.evaluate(run, newsdex.read_qrels(files / "qrels.txt"), depth=50) == expected
    assert expected["all"]["num_q"] == 5


def test_evaluate_by_hand():
    # One query, two relevant documents, retrieved at ranks 1 and 3: AP = (1/1 + 2/3) / 2.
    run = {"q": [("d1", 3.0), ("d2", 2.0), ("d3", 1.0)]}
    result = newsdex.evaluate(run, {"q": {"d1": 1, "d3": 1, "d9": 0}})
    assert result["all"]["map"] == 0.8333
    assert result["all"]["P_5"] == 0.4
    assert result["all"]["num_rel_ret"] == 2
    assert list(result["per_query"]) == ["q"]


def test_a_bad_query_in_a_run(db):
    with pytest.raises(newsdex.QueryError, match=r'^qid b: unclosed quote at column 1$') as caught:
        db.run({"a": "cocoa", "b": '"kursk'})
    assert caught.value.column == 1
    with pytest.warns(UserWarning, match="qid b: unclosed quote"):
        run = db.run({"a": "cocoa", "b": '"kursk'}, errors="skip")
    assert run["b"] == {} and len(run["a"]) == 7
    with pytest.raises(ValueError, match="errors must be 'raise' or 'skip'"):
        db.run({"a": "cocoa"}, errors="ignore")


def test_evaluate_without_judged_queries_is_an_error():
    with pytest.raises(newsdex.Error, match="^no query of the run has both retrieved documents and relevance judgements$") as caught:
        newsdex.evaluate({"q": {"d1": 1.0}}, {"other": {"d1": 1}})
    assert type(caught.value) is newsdex.Error


def test_a_bad_qrels_file_names_its_line(tmp_path):
    (tmp_path / "qrels.txt").write_text("q 0 d1 1\nq 0 d2\n")
    with pytest.raises(newsdex.Error, match=r"qrels.txt:2: ") as caught:
        newsdex.read_qrels(tmp_path / "qrels.txt")
    assert type(caught.value) is newsdex.Error
