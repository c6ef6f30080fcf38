"""newsdex.index runs newsdex-index: the same database, the same summary, warnings and locks."""

import re
import subprocess
import sys
import time

import pytest

import newsdex
from conftest import CORPUS, INDEX, jsonl

SUMMARY = re.compile(
    r"^indexed (\d+) articles: (\d+) added, (\d+) updated, (\d+) unchanged, (\d+) removed; "
    r"(\d+) files read, (\d+) unchanged, (\d+) ignored, (\d+) failed; (\d+) warnings; "
    r"\d+\.\d\d s, \d+\.\d MB/s, \d+ articles/s; (\d+) joined a group of wire copies"
    r"(?:; compacted \d+ shards?, [\d.]+ \u2192 [\d.]+ MB)?$")


def counts(line):
    return SUMMARY.match(line).groups()


def test_index_gives_the_command_lines_database_and_summary(tmp_path, corpus_db):
    seen = []
    summary = newsdex.index(tmp_path / "py.db", [CORPUS], jobs=2, progress=seen.append)
    done = subprocess.run([INDEX, "-j", "2", "-d", str(tmp_path / "cli.db"), CORPUS], capture_output=True, text=True)
    assert done.returncode == 0
    assert counts(summary["summary"]) == counts(done.stderr.strip())
    assert (summary["articles"], summary["added"], summary["files_read"], summary["warnings"]) == (71, 71, 48, [])
    # The last progress call is the final state.
    assert seen and seen[-1]["files_read"] == 48 and seen[-1]["articles_sent"] == 71
    db = newsdex.open(tmp_path / "py.db")
    for query in ("north korean soldiers", "cocoa OR sugar", "東京"):
        assert db.search(query) == [line for line in jsonl(corpus_db, query) if "rank" in line]
    # Again: nothing changed, nothing written.
    again = newsdex.index(tmp_path / "py.db", CORPUS)
    cli_again = subprocess.run([INDEX, "-d", str(tmp_path / "cli.db"), CORPUS], capture_output=True, text=True)
    assert counts(again["summary"]) == counts(cli_again.stderr.strip())
    # 47: an archive's entries count as files read, but the archive is one file unchanged.
    assert (again["articles"], again["unchanged"], again["files_unchanged"]) == (0, 71, 47)


def test_settings_are_kept_in_the_database(tmp_path):
    folder = tmp_path / "de"
    folder.mkdir()
    (folder / "a.txt").write_text("Title: Häuser\n\nDie Häuser der Stadt wurden renoviert.\n")
    newsdex.index(tmp_path / "de.db", folder, language="german", accents="keep", metadata_text=False)
    analyzer = newsdex.open(tmp_path / "de.db").stats()["analyzer"]
    assert analyzer == {"language": "german", "accents": "keep", "metadata_text": False, "format": 6}
    with pytest.raises(newsdex.DatabaseError, match="language"):
        newsdex.index(tmp_path / "de.db", folder, language="english")


def test_warnings_are_returned_as_the_command_prints_them(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("Title: Fine\n\nA perfectly fine article.\n")
    (folder / "bad.json").write_text('{"title": "Broken", "body": "no end"\n')
    summary = newsdex.index(tmp_path / "mixed.db", folder)
    cli = subprocess.run([INDEX, "-d", str(tmp_path / "cli.db"), str(folder)], capture_output=True, text=True)
    assert cli.returncode == 1
    cli_warnings = [line for line in cli.stderr.splitlines() if line.startswith("warning: ")]
    assert summary["warnings"] == cli_warnings
    assert summary["warnings"] == ["warning: bad.json:1: malformed JSON: unexpected end of input; expected '}'"]
    # A file read with a warning is read, not failed: its articles before the error would stay.
    assert (summary["articles"], summary["files_read"], summary["files_failed"]) == (1, 2, 0)


def test_follow_links_enters_linked_folders_as_the_command_line_does(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked.txt").write_text("Title: Linked\n\nAn article behind a link.\n")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "plain.txt").write_text("Title: Plain\n\nAn article in the folder.\n")
    (folder / "more").symlink_to(elsewhere)
    skipped = newsdex.index(tmp_path / "skipped.db", folder)
    assert (skipped["articles"], skipped["files_ignored"], skipped["warnings"]) == (1, 1, [])
    followed = newsdex.index(tmp_path / "followed.db", folder, follow_links=True)
    cli = subprocess.run([INDEX, "-d", str(tmp_path / "cli.db"), "--follow-links", str(folder)],
                         capture_output=True, text=True)
    assert cli.returncode == 0
    assert (followed["articles"], followed["files_ignored"]) == (2, 0)
    assert followed["summary"].split(";")[:2] == cli.stderr.strip().split(";")[:2]


def test_a_progress_callback_that_raises_stops_the_run(tmp_path):
    def stop(state):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        newsdex.index(tmp_path / "stopped.db", CORPUS, progress=stop)
    # What was committed stays readable, and a re-run finishes.
    newsdex.index(tmp_path / "stopped.db", CORPUS)
    assert newsdex.open(tmp_path / "stopped.db").stats()["articles"] == 71


def test_a_locked_database(tmp_path):
    db_path = tmp_path / "locked.db"
    newsdex.index(db_path, CORPUS, jobs=1)
    # fcntl locks belong to a process: another one must hold it.
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.lockf(f, fcntl.LOCK_EX); "
         "print('locked', flush=True); time.sleep(60)", str(db_path / "newsdex.lock")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(newsdex.LockedError, match=r"is being written by another newsdex-index .*use --wait"):
            newsdex.index(db_path, CORPUS)
        assert issubclass(newsdex.LockedError, newsdex.DatabaseError)
    finally:
        holder.kill()
        holder.wait()
    newsdex.index(db_path, CORPUS)  # free again


def test_bad_index_arguments(tmp_path):
    with pytest.raises(ValueError, match="^accents must be 'fold' or 'keep', not 'strip'$"):
        newsdex.index(tmp_path / "x.db", CORPUS, accents="strip")
    with pytest.raises(ValueError, match="^unknown encoding 'klingon'$"):
        newsdex.index(tmp_path / "x.db", CORPUS, encoding="klingon")
    with pytest.raises(newsdex.DatabaseError, match="^none of the given paths exists$"):
        newsdex.index(tmp_path / "x.db", tmp_path / "no-such-folder")


def test_compaction_as_the_command_line_does_it(tmp_path):
    # A new database is compacted: the shards the stub names are the compacted copies.
    summary = newsdex.index(tmp_path / "py.db", CORPUS, jobs=2)
    assert summary["compaction"]["shards"] == 2
    assert summary["compaction"]["bytes_after"] < summary["compaction"]["bytes_before"]
    assert (tmp_path / "py.db" / "XAPIANDB").read_text() == "auto shard-0.1\nauto shard-1.1\n"
    db = newsdex.open(tmp_path / "py.db")
    before = db.search("north korean soldiers")
    # compact=True with no paths only compacts; a reader open across it reopens onto the copies.
    again = newsdex.index(tmp_path / "py.db", [], compact=True)
    assert (again["articles"], again["files_read"], again["compaction"]["shards"]) == (0, 0, 2)
    assert again["summary"].endswith(" MB") and "; compacted 2 shards, " in again["summary"]
    assert db.search("north korean soldiers") == before
    db.reopen()
    assert db.search("north korean soldiers") == before
    # compact=False leaves a new database as written.
    plain = newsdex.index(tmp_path / "plain.db", CORPUS, jobs=2, compact=False)
    assert plain["compaction"] is None
    assert (tmp_path / "plain.db" / "XAPIANDB").read_text() == "auto shard-0\nauto shard-1\n"
    with pytest.raises(newsdex.DatabaseError, match="no database at .* to compact"):
        newsdex.index(tmp_path / "none.db", [], compact=True)


def test_input_limits_as_the_command_line_has_them(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "long.txt").write_text("Long\n\n" + "tide " * 1000)
    summary = newsdex.index(tmp_path / "py.db", folder, max_article_bytes=4096)
    cli = subprocess.run([INDEX, "-d", str(tmp_path / "cli.db"), "--max-article-bytes", "4KiB", str(folder)],
                         capture_output=True, text=True)
    assert cli.returncode == 1
    assert summary["warnings"] == [line for line in cli.stderr.splitlines() if line.startswith("warning: ")]
    assert summary["warnings"] == ["warning: long.txt: article cut to its first 4 KiB of text (--max-article-bytes)"]
    with pytest.raises(ValueError, match="max_article_bytes must be 4096 or more"):
        newsdex.index(tmp_path / "x.db", folder, max_article_bytes=100)


def test_index_in_parts_as_the_command_line_does(tmp_path, corpus_db):
    halves = []
    for k in (0, 1):
        summary = newsdex.index(tmp_path / f"p{k}.db", CORPUS, jobs=2, part=f"{k}/2")
        done = subprocess.run([INDEX, "-j", "2", "--part", f"{k}/2", "-d", str(tmp_path / f"cli{k}.db"), CORPUS],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert summary["part"] == f"{k}/2"
        assert summary["added"] + summary["other_parts"] == 71
        assert f"; part {k}/2, {summary['other_parts']} articles left to other parts" in summary["summary"]
        assert f"; part {k}/2, {summary['other_parts']} articles left to other parts" in done.stderr
        halves.append(summary["added"])
    assert sum(halves) == 71 and min(halves) > 0
    both = newsdex.open([tmp_path / "p0.db", tmp_path / "p1.db"])
    assert both.count("said") == newsdex.open(corpus_db).count("said")
    assert newsdex.index(tmp_path / "whole.db", CORPUS)["part"] is None
    with pytest.raises(ValueError, match=r"^part 2/2: parts of 2 are numbered 0 to 1$"):
        newsdex.index(tmp_path / "bad.db", CORPUS, part="2/2")
    with pytest.raises(newsdex.DatabaseError, match=r"holds part 0/2 of a collection, not part 1/2"):
        newsdex.index(tmp_path / "p0.db", CORPUS, part="1/2")
