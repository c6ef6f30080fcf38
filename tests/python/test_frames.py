"""pandas views of the results (pandas is optional: these tests need it installed)."""

import pytest

import newsdex

pandas = pytest.importorskip("pandas")


def test_hits_as_a_frame(db):
    hits = db.search("oil", limit=4)
    frame = db.search("oil", limit=4, as_frame=True)
    assert list(frame.columns) == list(hits[0].keys())
    assert list(frame["id"]) == [h["id"] for h in hits]
    assert list(frame["rank"]) == [1, 2, 3, 4]
    assert frame["date"].dtype.kind == "M"  # datetimes, so a frame can be resampled
    assert frame.attrs == {"query": "oil", "total": hits.total}
    assert newsdex.to_frame(hits).equals(frame)


def test_an_empty_result_is_an_empty_frame(db):
    assert len(db.search("zzyzx", as_frame=True)) == 0


def test_a_timeline_as_a_series_ready_to_plot(db):
    timeline = db.timeline("oil OR cocoa", "year")
    series = db.timeline("oil OR cocoa", "year", as_frame=True)
    assert list(series.index) == [b["period"] for b in timeline["buckets"]]
    assert list(series) == [b["count"] for b in timeline["buckets"]]
    assert series.index.name == "year" and series.name == "oil OR cocoa"


def test_a_run_as_a_frame(db):
    run = db.run({"a": "cocoa", "b": "kursk"}, depth=3)
    frame = db.run({"a": "cocoa", "b": "kursk"}, depth=3, as_frame=True)
    assert list(frame.columns) == ["qid", "docno", "rank", "score"]
    assert list(frame.itertuples(index=False, name=None)) == [
        (qid, docno, rank, score) for qid, docs in run.items() for rank, (docno, score) in enumerate(docs.items(), 1)]
