"""Errors are Python exceptions with the command line's messages, never a crash."""

import pytest

import newsdex
from conftest import SEARCH
import subprocess


def cli_error(db_path, *args):
    done = subprocess.run([SEARCH, "-d", db_path, *args], capture_output=True, text=True)
    assert done.returncode == 2
    return done.stderr.strip()


@pytest.mark.parametrize("query,column", [
    ("oil AND (gas", 9),
    ('"prisoners of war', 1),
    ("-oil", 1),
    ("title:", 1),
    ("oil NEAR/x opec", 5),
])
def test_query_errors_carry_the_column(db, corpus_db, query, column):
    with pytest.raises(newsdex.QueryError) as caught:
        db.search(query)
    assert cli_error(corpus_db, query) == "error: " + str(caught.value)
    assert caught.value.column == column
    assert isinstance(caught.value, newsdex.Error)
    with pytest.raises(newsdex.QueryError):
        db.count(query)


def test_bad_dates_are_query_errors(db, corpus_db):
    with pytest.raises(newsdex.QueryError, match="^bad date '2025-13' in --since$"):
        db.search("oil", since="2025-13")
    assert cli_error(corpus_db, "--since", "2025-13", "oil") == "error: bad date '2025-13' in --since"


def test_missing_and_damaged_databases(tmp_path):
    with pytest.raises(newsdex.DatabaseError, match=r"^no database at .*nothing-here \(create it with: newsdex-index -d .*nothing-here FOLDER\)$"):
        newsdex.open(tmp_path / "nothing-here")
    damaged = tmp_path / "damaged.db"
    damaged.mkdir()
    (damaged / "XAPIANDB").write_text("glass shard-0\n")
    with pytest.raises(newsdex.DatabaseError):
        newsdex.open(damaged)


def test_bad_arguments_are_value_and_type_errors(db):
    with pytest.raises(ValueError, match="^match must be 'all' or 'any', not 'some'$"):
        db.search("oil", match="some")
    with pytest.raises(ValueError, match="newest"):
        db.search("oil", sort="newest")
    with pytest.raises(ValueError, match="^limit must be 0 or more, not -1$"):
        db.search("oil", limit=-1)
    with pytest.raises(TypeError, match="^limit must be an int$"):
        db.search("oil", limit="10")
    with pytest.raises(ValueError, match=r"^unknown facet 'colour' \(known: "):
        db.facets("oil", ["colour"])
    with pytest.raises(ValueError, match="^bm25: b is between 0 and 1$"):
        db.search("oil", bm25={"b": 2})
    with pytest.raises(ValueError, match="^bm25: 'k9' is not one of k1, k2, k3, b, min_normlen$"):
        db.search("oil", bm25={"k9": 1})
    with pytest.raises(ValueError, match="^period must be day, week, month or year, not 'decade'$"):
        db.timeline("oil", "decade")
    with pytest.raises(TypeError, match="^query must be a str, not int$"):
        db.search(42)
    with pytest.raises(TypeError, match="unexpected keyword argument 'limt'"):
        db.search("oil", limt=3)


def test_unknown_ids(db):
    with pytest.raises(newsdex.DatabaseError, match="^no article with id 'nope'$"):
        db.like("nope")
    with pytest.raises(newsdex.DatabaseError, match="^no article with id 'nope'$"):
        db.duplicates("nope")


def test_a_timeline_too_long_is_an_error_not_a_hang(db, corpus_db):
    with pytest.raises(newsdex.DatabaseError, match="more than 1000000") as caught:
        db.timeline("oil", "day", since="0001", until="9999")
    assert cli_error(corpus_db, "--timeline", "day", "--since", "0001", "--until", "9999", "oil") == "error: " + str(caught.value)


def test_a_closed_database(corpus_db):
    db = newsdex.open(corpus_db)
    with db:
        assert db.count("oil") > 0
    with pytest.raises(newsdex.Error, match="^database .* is closed$"):
        db.search("oil")
