"""Shared fixtures: the sample corpus indexed once by the command line, and helpers that run
newsdex-search so each test can compare the module with what the command prints."""

import json
import os
import subprocess

import pytest

INDEX = os.environ.get("NEWSDEX_INDEX_BIN", "newsdex-index")
SEARCH = os.environ.get("NEWSDEX_SEARCH_BIN", "newsdex-search")
CORPUS = os.environ.get("NEWSDEX_CORPUS", os.path.join(os.path.dirname(__file__), "..", "..", "corpus"))


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    subprocess.run([INDEX, "-q", "-j", "2", "-d", str(path), CORPUS], check=True)
    return str(path)


@pytest.fixture(scope="session")
def db(corpus_db):
    import newsdex
    return newsdex.open(corpus_db)


def db_args(db_path):
    """-d for one path, or for each of a list of them (searched as one)."""
    paths = [db_path] if isinstance(db_path, (str, os.PathLike)) else db_path
    return [arg for path in paths for arg in ("-d", str(path))]


def search_cli(db_path, *args, check_codes=(0, 1)):
    """newsdex-search's stdout; fails the test on an exit code outside check_codes. db_path
    may be a list of paths."""
    done = subprocess.run([SEARCH, *db_args(db_path), *args], capture_output=True, text=True)
    assert done.returncode in check_codes, done.stderr
    return done.stdout


def jsonl(db_path, *args):
    return [json.loads(line) for line in search_cli(db_path, "--format", "jsonl", *args).splitlines()]


def json_object(db_path, *args):
    lines = search_cli(db_path, "--format", "json", *args).splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])
