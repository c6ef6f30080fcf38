"""Several databases opened as one (newsdex.open with a list, a stub, timeout, partial) answer
as newsdex-search -d A -d B does, with the command line's messages and warnings. The corpus's
markets and world folders are the two parts; a remote part nobody serves is the dead one."""

import inspect
import math
import os
import pathlib
import re
import socket
import subprocess
import time
import warnings

import pytest

import newsdex
from conftest import CORPUS, INDEX, SEARCH, db_args, json_object, jsonl

QUERIES = ["said", "oil prices", '"central bank"', "rate*", "title:kursk"]


def index(path, *args):
    subprocess.run([INDEX, "-q", "-j", "2", "-d", str(path), *args], check=True)
    return str(path)


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parts")
    return [index(folder / "markets.db", os.path.join(CORPUS, "markets")),
            index(folder / "world.db", os.path.join(CORPUS, "world"))]


@pytest.fixture(scope="module")
def both(parts):
    return newsdex.open(parts)


def free_port():
    """A loopback port nothing listens on now (the kernel's pick for a socket closed at once)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dead_part(tmp_path):
    """(stub path, its part's label): a stub naming a remote part where nothing listens."""
    port = free_port()
    stub = tmp_path / "down.stub"
    stub.write_text(f"remote 127.0.0.1:{port}\n")
    return str(stub), f"part remote 127.0.0.1:{port}"


def cli_failure(db_path, *args):
    done = subprocess.run([SEARCH, *db_args(db_path), *args], capture_output=True, text=True)
    assert done.returncode == 2, done.stdout
    return done.stderr


def hit_lines(lines):
    return [line for line in lines if "rank" in line]


@pytest.mark.parametrize("query", QUERIES)
def test_two_parts_answer_as_the_command_line_with_both(both, parts, query):
    hits = both.search(query, limit=20)
    assert hits == hit_lines(jsonl(parts, "-n", "20", query))
    assert hits.warnings == []


def test_every_call_over_two_parts_is_the_command_lines(both, parts):
    assert both.count("said") == jsonl(parts, "--count", "said")[0]["count"]
    assert both.facets("oil", ["topic"]) == json_object(parts, "--facet", "topic", "oil")["facets"]
    assert [both.timeline("said", "month")] == jsonl(parts, "--timeline", "month", "said")
    assert both.kwic("oil", limit=3) == jsonl(parts, "--kwic", "-n", "3", "oil")
    assert both.stats() == jsonl(parts, "--stats")[0]
    # Both parts really answer: "said" is in articles of each.
    for part in parts:
        assert newsdex.open(part).count("said") < both.count("said")


def test_paths_name_the_sources(both, parts, corpus_db):
    assert both.paths == tuple(parts)
    assert both.path == " + ".join(parts) == both.stats()["database"]
    assert both.warnings == []
    single = newsdex.open(pathlib.Path(corpus_db))  # one path as before: str or os.PathLike
    assert single.paths == (corpus_db,) and single.path == corpus_db
    assert newsdex.open((pathlib.Path(parts[0]), parts[1])).paths == tuple(parts)
    assert repr(both) == f"<newsdex.Database {both.path!r}>"


def test_a_stub_naming_the_parts_is_the_same_database(both, parts, tmp_path):
    stub = tmp_path / "archive.stub"
    stub.write_text("# the two parts\n" + "".join(f"auto {p}\n" for p in parts))
    assert newsdex.open(stub).search("said", limit=20) == both.search("said", limit=20)


def test_parts_must_share_the_analyzer_settings(parts, tmp_path):
    plain = index(tmp_path / "plain.db", "--language", "none", os.path.join(CORPUS, "world"))
    with pytest.raises(newsdex.DatabaseError) as caught:
        newsdex.open([parts[0], plain])
    assert str(caught.value) == (f"parts {parts[0]} and {plain} were indexed with different settings "
                                 "(--language english and --language none); search them separately or re-index one")
    assert cli_failure([parts[0], plain], "oil") == f"error: {caught.value}\n"


def test_a_dead_part_is_an_error_naming_it(parts, dead_part):
    stub, label = dead_part
    with pytest.raises(newsdex.DatabaseError) as caught:
        newsdex.open([parts[1], stub])
    assert str(caught.value) == f"{label}: connection refused"
    assert cli_failure([parts[1], stub], "said") == f"error: {caught.value}\n"


def test_partial_leaves_a_dead_part_out_with_a_warning(parts, dead_part):
    stub, label = dead_part
    warning = f"{label}: connection refused (left out: --partial)"
    with pytest.warns(UserWarning) as said:
        db = newsdex.open([parts[1], stub], partial=True)
    assert [str(w.message) for w in said] == [warning]
    assert said[0].filename == __file__  # points at the line that opened the database
    assert db.warnings == [warning]

    hits = db.search("said", limit=20)
    lines = jsonl([parts[1], stub], "--partial", "-n", "20", "said")
    assert hits == hit_lines(lines)
    assert hits.warnings == lines[-1]["warnings"] == [warning]
    expected = json_object([parts[1], stub], "--partial", "-n", "20", "said")
    assert hits.warnings == expected["warnings"]
    # The part that answered ranks with its own statistics, as if opened alone.
    assert hits == newsdex.open(parts[1]).search("said", limit=20)
    # A query's own warnings first, then the parts left out, as in the command line's JSON.
    capped = db.search("s*", max_expansions=1)
    assert capped.warnings == jsonl([parts[1], stub], "--partial", "--max-expansions", "1", "s*")[-1]["warnings"]
    assert len(capped.warnings) == 2 and capped.warnings[-1] == warning
    # A timeline carries them in "warnings" as the command line's JSON does; kwic lines are the
    # command line's lines without its last one, which holds the warnings.
    timeline = db.timeline("said")
    assert [timeline] == jsonl([parts[1], stub], "--partial", "--timeline", "month", "said")
    assert timeline["warnings"] == [warning]
    kwic_lines = jsonl([parts[1], stub], "--partial", "--kwic", "-n", "2", "said")
    assert kwic_lines[-1] == {"query": "said", "warnings": [warning]}
    assert db.kwic("said", limit=2) == kwic_lines[:-1]


def test_partial_with_no_part_left_is_an_error(dead_part):
    stub, part = dead_part
    with pytest.raises(newsdex.DatabaseError,
                       match=f"^no part of {re.escape(stub)} could be opened; {re.escape(part)}: connection refused$"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            newsdex.open(stub, partial=True)


def test_every_reader_the_pool_opens_has_the_same_parts_and_options(parts, dead_part):
    stub, label = dead_part
    with pytest.warns(UserWarning):
        db = newsdex.open([parts[1], stub], partial=True)
    alone = newsdex.open(parts[1]).search("said")
    # An export holds the first reader until it ends, so the search opens a second one.
    exporting = db.export("said")
    next(exporting)
    hits = db.search("said")
    assert hits == alone and hits.warnings == [f"{label}: connection refused (left out: --partial)"]
    db.reopen()
    assert db.search("said").warnings == hits.warnings
    exporting.close()

    both = newsdex.open(parts)
    exporting = both.export("said")
    next(exporting)
    assert both.search("said", limit=20) == hit_lines(jsonl(parts, "-n", "20", "said"))
    exporting.close()


def test_the_timeout_reaches_the_remote_part(tmp_path):
    # A socket that listens but never answers: the kernel completes the connection, and
    # Xapian then waits for the server's greeting.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        port = silent.getsockname()[1]
        stub = tmp_path / "silent.stub"
        stub.write_text(f"remote 127.0.0.1:{port}\n")
        began = time.monotonic()
        with pytest.raises(newsdex.DatabaseError) as caught:
            newsdex.open(stub, timeout=0.3)
        took = time.monotonic() - began
    assert str(caught.value) == f"part remote 127.0.0.1:{port}: no answer within the timeout"
    assert took < 3  # bounded by timeout=0.3, not the default of 5 seconds


@pytest.mark.parametrize("timeout,error,message", [
    (0, ValueError, "^timeout must be above 0 seconds, not 0$"),
    (-1.5, ValueError, r"^timeout must be above 0 seconds, not -1\.5$"),
    (math.nan, ValueError, "^timeout must be above 0 seconds, not nan$"),
    (3601, ValueError, "^timeout must be at most 3600 seconds, not 3601$"),
    ("5", TypeError, "^timeout must be a number of seconds, not str$"),
    (True, TypeError, "^timeout must be a number of seconds, not bool$"),
])
def test_a_bad_timeout_is_refused_before_opening(corpus_db, timeout, error, message):
    with pytest.raises(error, match=message):
        newsdex.open(corpus_db, timeout=timeout)


def test_the_timeout_defaults_to_the_command_lines(corpus_db):
    help_text = subprocess.run([SEARCH, "--help"], capture_output=True, text=True).stdout
    most, default = re.search(r"--timeout MS:UINT in \[1 - (\d+)\]=(\d+)", help_text).groups()
    assert inspect.signature(newsdex.open).parameters["timeout"].default * 1000 == int(default) == 5000
    assert int(most) == 3600 * 1000  # what test_a_bad_timeout_is_refused_before_opening holds
    assert newsdex.open(corpus_db, timeout=1.1).count("oil") > 0


def test_bad_paths_and_partial(corpus_db):
    with pytest.raises(ValueError, match="^open needs at least one database path$"):
        newsdex.open([])
    with pytest.raises(TypeError, match="^partial must be True or False$"):
        newsdex.open(corpus_db, partial="yes")
    assert newsdex.open(corpus_db, timeout=0.0001).count("oil") > 0  # rounded up to 1 ms, not 0
