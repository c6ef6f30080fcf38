"""Newsdex from Python: search, count, facet, timeline and evaluate a Newsdex database.

A thin layer over the same C++ library the command line uses (newsdex._core), so every result
is what ``newsdex-search --format jsonl`` prints for the same arguments: a hit is a dict with
exactly the keys of a JSON Lines hit line, in the same order.

    >>> import newsdex
    >>> db = newsdex.open("reuters.db")  # or ["1987.db", "1988.db"]: one ranking over both
    >>> hits = db.search("crude oil", limit=3)
    >>> hits[0]["title"], hits.total

See docs/python.md for a walkthrough.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from . import _core
from ._core import DatabaseError, Error, LockedError, QueryError

__all__ = [
    "open", "Database", "Hits", "index", "evaluate", "read_queries", "read_qrels", "to_frame",
    "Error", "QueryError", "DatabaseError", "LockedError", "__version__",
]

# "newsdex 0.4.0 (Xapian 1.4.22, ICU 72.1)" -> "0.4.0"
__version__ = _core.version.split()[1]
version = _core.version

_PathLike = Union[str, "os.PathLike[str]"]

# newsdex-search --timeout's default (OpenOptions') and range, in seconds here: Python's unit
# for timeouts.
_DEFAULT_TIMEOUT = _core.default_timeout_ms / 1000
_MAX_TIMEOUT = 3600.0


class Hits(list):
    """The hits of one query: a list of hit dicts (the keys of a JSON Lines hit line), with
    what ``--format json`` says about the whole query as attributes:

    total       Xapian's estimate of all matches (exact when facets were asked for)
    offset      the offset asked for
    query, qid  the query as given, and its id (None outside a run)
    ranking     how it was ranked: {"model", "k1", ..., "sort", "expand"?, "like"?}
    facets      {name: [{"value", "count"}, ...]} when facets were asked for, else {}
    suggestion  a corrected query when few articles matched and one was found, else None
    warnings    about the query (e.g. a wildcard that expanded to too many words), then
                the parts of the database partial=True left out (Database.warnings)
    time_us     microseconds the library took, as --timing measures it (None for duplicates)
    """

    def __init__(self, hits: Iterable[dict], meta: dict):
        super().__init__(hits)
        self.meta = meta
        self.query: str = meta["query"]
        self.qid: Optional[str] = meta.get("qid")
        self.total: int = meta["total"]
        self.offset: int = meta["offset"]
        self.ranking: dict = meta["ranking"]
        self.facets: dict = meta.get("facets", {})
        self.suggestion: Optional[str] = meta.get("suggestion")
        self.warnings: List[str] = meta.get("warnings", [])
        self.time_us: Optional[int] = meta.get("time_us")

    def __repr__(self) -> str:
        return f"<Hits {len(self)} of {self.total} for {self.query!r}>"


def _fspath(path: _PathLike) -> str:
    return os.fspath(path)


def _warn_caller(message: str) -> None:
    """warnings.warn pointing at the first caller outside this module (the line that called
    newsdex.open or Database)."""
    import sys
    import warnings
    level, frame = 2, sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        level, frame = level + 1, frame.f_back
    warnings.warn(message, stacklevel=level)


def _sources(path: Union[_PathLike, Sequence[_PathLike]]) -> List[str]:
    """The -d sources newsdex-search would get: one path, or each of a list or tuple."""
    if isinstance(path, (str, bytes, os.PathLike)):
        return [_fspath(path)]
    sources = [_fspath(p) for p in path]
    if not sources:
        raise ValueError("open needs at least one database path")
    return sources


def _timeout_ms(timeout: float) -> int:
    """--timeout MS from seconds: at least 1 ms for any timeout above 0."""
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise TypeError(f"timeout must be a number of seconds, not {type(timeout).__name__}")
    if not timeout > 0:
        raise ValueError(f"timeout must be above 0 seconds, not {timeout!r}")
    if timeout > _MAX_TIMEOUT:
        raise ValueError(f"timeout must be at most {_MAX_TIMEOUT:g} seconds, not {timeout!r}")
    return max(1, round(timeout * 1000))


def _options(**kwargs: Any) -> dict:
    """The search options the native half reads; None means "the default"."""
    return {k: v for k, v in kwargs.items() if v is not None}


class Database:
    """A Newsdex database opened for searching (see newsdex.open): one, or several searched as
    one.

    A Database answers from the revision it opened, as every Xapian reader does; call
    reopen() to see what an indexer committed since. It may be shared by threads: the GIL is
    released while Xapian works, and each thread gets its own reader, opened with the same
    sources, timeout and partial.
    """

    def __init__(self, path: Union[_PathLike, Sequence[_PathLike]], *, timeout: float = _DEFAULT_TIMEOUT,
                 partial: bool = False):
        if not isinstance(partial, bool):
            raise TypeError("partial must be True or False")
        self._native = _core.Database(_sources(path), _timeout_ms(timeout), partial)
        self._paths = tuple(self._native.sources)
        # As --stats's "database" and the errors name it.
        self._path = " + ".join(self._paths)
        # Said once, as newsdex-search --partial says it on stderr.
        for warning in self._native.warnings:
            _warn_caller(warning)

    @property
    def _db(self) -> Any:
        if self._native is None:
            raise Error(f"database {self._path} is closed")
        return self._native

    @property
    def path(self) -> str:
        """The path opened; for several, the paths joined by " + " (as stats()["database"])."""
        return self._path

    @property
    def paths(self) -> Tuple[str, ...]:
        """Every path opened, as given: Newsdex folders, stub files, folders holding a stub."""
        return self._paths

    @property
    def warnings(self) -> List[str]:
        """The parts partial=True left out, one message each (as newsdex-search --partial
        prints them); [] when every part opened. Every search's Hits.warnings ends with them."""
        return self._db.warnings

    def __repr__(self) -> str:
        return f"<newsdex.Database {self.path!r}>"

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Drops the readers; the Database cannot be used after this."""
        self._native = None

    def reopen(self) -> None:
        """Moves to the latest committed revision of the database."""
        self._db.reopen()

    def search(self, query: str, limit: int = 10, offset: int = 0, match: str = "all",
               sort: str = "relevance", since: Optional[str] = None, until: Optional[str] = None,
               snippet_chars: int = 200, *, facets: Sequence[str] = (), facet_size: int = 10,
               suggest: bool = True, snippets: bool = True, max_expansions: Optional[int] = None,
               bm25: Optional[Dict[str, float]] = None, expand: Union[bool, Dict[str, Any]] = False,
               collapse: bool = False, as_frame: bool = False) -> Any:
        """Ranked hits of `query` (the query language of docs/query-language.md).

        As ``newsdex-search --format jsonl``: limit is -n, match "all" or "any", sort
        "relevance", "date" or "-date", since/until "YYYY", "YYYY-MM" or "YYYY-MM-DD" (both
        ends included), snippet_chars the snippet length, facets the names of --facet
        counted over all matches (hits.facets), suggest=False is --no-suggest, bm25 a dict of
        k1, k2, k3, b, min_normlen (--bm25), expand True or a dict of docs, terms, weight
        (--expand), collapse lists each wire-copy group once (--collapse).

        Returns a Hits list of dicts; with as_frame=True a pandas DataFrame (to_frame).
        Raises QueryError (with .column) for a malformed query.
        """
        hits, meta = self._db.search(_options(
            query=query, limit=limit, offset=offset, match=match, sort=sort, since=since,
            until=until, snippet_chars=snippet_chars, facets=list(facets), facet_size=facet_size,
            suggest=suggest, snippets=snippets, max_expansions=max_expansions, bm25=bm25,
            expand=expand, collapse=collapse))
        result = Hits(hits, meta)
        return to_frame(result) if as_frame else result

    def like(self, id: str, query: str = "", limit: int = 10, offset: int = 0, match: str = "all",
             since: Optional[str] = None, until: Optional[str] = None, snippet_chars: int = 200,
             as_frame: bool = False) -> Any:
        """Articles similar to the one with this id (--like ID), best first; `query` and the
        dates restrict the candidates. Raises DatabaseError when no article or several have
        the id."""
        hits, meta = self._db.search(_options(
            query=query, like=id, limit=limit, offset=offset, match=match, since=since,
            until=until, snippet_chars=snippet_chars, suggest=False))
        result = Hits(hits, meta)
        return to_frame(result) if as_frame else result

    def duplicates(self, id: str, snippet_chars: int = 200, as_frame: bool = False) -> Any:
        """The wire copies of the article with this id (--duplicates ID), in database order,
        without scores."""
        hits, meta = self._db.duplicates(id, snippet_chars)
        result = Hits(hits, meta)
        return to_frame(result) if as_frame else result

    def count(self, query: str, match: str = "all", since: Optional[str] = None,
              until: Optional[str] = None) -> int:
        """The exact number of articles `query` matches (--count)."""
        return self._db.count(_options(query=query, match=match, since=since, until=until))

    def facets(self, query: str, names: Sequence[str], size: int = 10, match: str = "all",
               since: Optional[str] = None, until: Optional[str] = None) -> Dict[str, List[dict]]:
        """Counts of each named field's values over all matches of `query` (--facet):
        {"topic": [{"value": "crude", "count": 566}, ...], ...}, largest first; size=0 for
        every value."""
        if isinstance(names, str):
            names = [names]
        _, meta = self._db.search(_options(
            query=query, limit=0, facets=list(names), facet_size=size, match=match, since=since,
            until=until, snippets=False, suggest=False))
        return meta.get("facets", {})

    def timeline(self, query: str, period: str = "month", match: str = "all",
                 since: Optional[str] = None, until: Optional[str] = None,
                 as_frame: bool = False) -> Any:
        """How many articles `query` matches per day, week (ISO), month or year, over all
        matches (--timeline): {"query", "period", "buckets": [{"period", "count"}],
        "undated"}. With as_frame=True a pandas Series of counts indexed by period, ready to
        .plot()."""
        result = self._db.timeline(_options(query=query, match=match, since=since, until=until), period)
        if not as_frame:
            return result
        pandas = _pandas()
        return pandas.Series([b["count"] for b in result["buckets"]],
                             index=pandas.Index([b["period"] for b in result["buckets"]], name=period),
                             name=query)

    def kwic(self, query: str, width: int = 40, limit: int = 10, offset: int = 0,
             match: str = "all", since: Optional[str] = None, until: Optional[str] = None) -> List[dict]:
        """Every occurrence of the query's words and phrases in its top `limit` articles,
        with `width` code points of context (--kwic): dicts of query, id, field, offset,
        left, match, right, as --format jsonl prints them."""
        return self._db.kwic(_options(query=query, limit=limit, offset=offset, match=match,
                                      since=since, until=until, suggest=False), width)

    def show(self, id: str, all: bool = False) -> Any:
        """The stored article with this id, whole (--show): a dict with the text in "body",
        or None. Ids are matched exactly first, then up to case and accents; all=True
        returns the list of every article found that way."""
        articles = self._db.show(id)
        if all:
            return articles
        return articles[0] if articles else None

    def stats(self) -> dict:
        """What the database holds (--stats --format json)."""
        return self._db.stats()

    def suggest(self, query: str, match: str = "all") -> Optional[str]:
        """The corrected query search() would suggest, or None. As on the command line a
        suggestion is looked for only when fewer than 3 articles match."""
        _, meta = self._db.search(_options(query=query, limit=0, match=match, snippets=False))
        return meta.get("suggestion")

    def run(self, queries: Union[Dict[str, str], Iterable[Tuple[str, str]], Iterable[str]],
            depth: int = 1000, match: str = "all", since: Optional[str] = None,
            until: Optional[str] = None, *, bm25: Optional[Dict[str, float]] = None,
            expand: Union[bool, Dict[str, Any]] = False, errors: str = "raise",
            as_frame: bool = False) -> Any:
        """A TREC-style run: each query's top `depth` hits as {qid: {docno: score}}, in rank
        order, with the docnos and scores --format trec prints (scores unrounded here).

        `queries` is a dict {qid: query}, pairs (qid, query) such as read_queries() returns,
        or plain strings (qids "1", "2", ...). errors="raise" raises QueryError naming the
        qid of the first bad query; errors="skip" gives it no documents and warns, as
        --queries does. With as_frame=True a DataFrame of qid, docno, rank, score.
        """
        if errors not in ("raise", "skip"):
            raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
        if isinstance(queries, dict):
            pairs = [(str(q), t) for q, t in queries.items()]
        else:
            pairs = []
            for number, item in enumerate(queries, 1):
                pairs.append((str(number), item) if isinstance(item, str) else (str(item[0]), item[1]))
        failures: List[str] = []
        run = self._db.run(pairs, _options(match=match, since=since, until=until, bm25=bm25,
                                           expand=expand), depth, errors == "skip", failures)
        if failures:
            import warnings
            for failure in failures:
                warnings.warn(failure, stacklevel=2)
        if not as_frame:
            return run
        rows = [{"qid": qid, "docno": docno, "rank": rank, "score": score}
                for qid, docs in run.items() for rank, (docno, score) in enumerate(docs.items(), 1)]
        return _pandas().DataFrame(rows, columns=["qid", "docno", "rank", "score"])

    def export(self, query: str = "", ranked: bool = False, match: str = "all",
               sort: str = "relevance", since: Optional[str] = None, until: Optional[str] = None,
               page: int = 1000) -> Iterator[dict]:
        """Every article `query` matches (every article for ""), whole, as --export writes
        them; a generator holding one page of articles at a time. ranked=False: database
        order; True: ranked (or sorted) with "rank" and "score" first. The generator reads one
        revision of the database throughout, and raises DatabaseError if an indexer's commit
        removes it midway."""
        cursor = self._db.export_cursor(_options(query=query, match=match, sort=sort, since=since,
                                                 until=until), ranked)
        return _export(cursor, page)


def _export(cursor: Any, page: int) -> Iterator[dict]:
    while True:
        records = cursor.next(page)
        if not records:
            return
        yield from records


def open(path: Union[_PathLike, Sequence[_PathLike]], *, timeout: float = _DEFAULT_TIMEOUT,  # noqa: A001
         partial: bool = False) -> Database:
    """Opens the Newsdex database at `path` (a folder newsdex-index made) for searching.

    `path` may also be a stub file in Xapian's format naming the parts (auto PATH, remote
    HOST:PORT, ...), a folder holding one, or a list (or tuple) of any of these: they are
    searched as one database ranking with the statistics of all of them, as
    ``newsdex-search -d A -d B`` does. `timeout` (seconds, above 0 and at most 3600; --timeout
    takes milliseconds) bounds connecting to a remote part and each exchange with it.
    partial=True (--partial) leaves out the parts that cannot be opened: each is a Python
    warning now, in Database.warnings, and at the end of every search's Hits.warnings.

    Raises DatabaseError when there is none, it is damaged, or it was made by an incompatible
    newsdex-index (rebuild it with newsdex-index --rebuild); when a part cannot be opened (the
    message names it: "part remote 127.0.0.1:6431: connection refused") unless partial=True,
    or none can; when parts were indexed with different settings. ValueError for an empty
    list or a timeout out of bounds."""
    return Database(path, timeout=timeout, partial=partial)


def index(db_path: _PathLike, paths: Union[_PathLike, Sequence[_PathLike]], jobs: Optional[int] = None,
          language: str = "english", accents: str = "fold", metadata_text: bool = True,
          encoding: Optional[str] = None, prune: bool = False, rebuild: bool = False,
          wait: bool = False, progress: Optional[Callable[[dict], Any]] = None,
          follow_links: bool = False, compact: Optional[bool] = None,
          max_article_bytes: Optional[int] = None, max_expanded_bytes: Optional[int] = None,
          max_archive_depth: Optional[int] = None, max_archive_entries: Optional[int] = None,
          part: Optional[str] = None) -> dict:
    """Indexes files and folders into the database at db_path, as newsdex-index does (the
    same options: jobs is -j, default one per core; language a Snowball stemmer name or
    "none"; accents "fold" or "keep"; follow_links is --follow-links; compact True is
    --compact, False --no-compact, None compacts after a run that wrote a fifth of the
    articles; paths may be [] with compact=True, to compact only; max_article_bytes,
    max_expanded_bytes, max_archive_depth and max_archive_entries are the --max-* limits,
    None for their defaults; part "K/N" is --part: only the articles of part K of N).

    `progress`, if given, is called about ten times a second with a dict of files_total,
    bytes_total, bytes_done, articles_sent, files_read, ... and once at the end.

    Returns the summary: the counts (articles, added, updated, unchanged, removed,
    files_read, files_unchanged, files_ignored, files_failed, empty_archive_entries,
    joined_copies, other_parts: the articles left to other parts), "part" ("K/N" or None),
    "compaction" (None, or shards, bytes_before and bytes_after when the run
    compacted), "warnings"
    (each as newsdex-index prints it), "seconds" and "summary" (the line newsdex-index
    prints). Raises LockedError when another indexer is writing the database (wait=True
    waits), DatabaseError for anything else fatal; problems with single files are warnings.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    options = _options(jobs=jobs, language=language, accents=accents, metadata_text=metadata_text,
                       encoding=encoding, prune=prune, rebuild=rebuild, wait=wait,
                       follow_links=follow_links, compact=compact, max_article_bytes=max_article_bytes,
                       max_expanded_bytes=max_expanded_bytes, max_archive_depth=max_archive_depth,
                       max_archive_entries=max_archive_entries, part=part)
    return _core.index(_fspath(db_path), [_fspath(p) for p in paths], options, progress)


def evaluate(run: Dict[str, Any], qrels: Union[_PathLike, Dict[str, Dict[str, int]]],
             depth: int = 1000) -> dict:
    """Evaluates a run as ``trec_eval -c -q -M depth`` of trec_eval 9 does (--qrels).

    `run` is {qid: {docno: score}} (as Database.run returns) or {qid: [(docno, score), ...]};
    `qrels` a qrels file's path or {qid: {docno: relevance}}. Returns {"all": {...},
    "per_query": {qid: {...}}} with num_q (in "all"), num_ret, num_rel, num_rel_ret, map, P_5,
    P_10, recall_100, recall_1000 and ndcg_cut_10, floats rounded to 4 decimals, exactly as
    --qrels --format json prints it."""
    if not isinstance(qrels, dict):
        qrels = _fspath(qrels)
    return _core.evaluate(run, qrels, depth)


def read_queries(path: _PathLike, topic_field: str = "title", plain: bool = False) -> List[Tuple[str, str]]:
    """The (qid, query) pairs of a query file, as --queries reads it: `qid<TAB>query` lines
    (a line without a tab gets its line number as qid) or TREC topics (<top>), whose
    topic_field is "title", "desc" or "title+desc"."""
    return _core.read_queries(_fspath(path), topic_field, plain)


def read_qrels(path: _PathLike) -> Dict[str, Dict[str, int]]:
    """A TREC qrels file as {qid: {docno: relevance}}."""
    return _core.read_qrels(_fspath(path))


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:
        raise ImportError("as_frame and to_frame need pandas (apt-get install python3-pandas)") from e
    return pandas


def to_frame(hits: Iterable[dict]) -> Any:
    """Hits (or any list of result dicts) as a pandas DataFrame, one row a hit, the columns
    in the order of the keys; "date" becomes a UTC datetime column (a date given only
    to the day, month or year is its first moment)."""
    pandas = _pandas()
    rows = list(hits)
    frame = pandas.DataFrame(rows, columns=list(rows[0].keys()) if rows else None)
    if "date" in frame.columns:
        # Dates are stored as UTC; some carry a time, some only a day (or month, year).
        frame["date"] = pandas.to_datetime(frame["date"], errors="coerce", utc=True)
    if isinstance(hits, Hits):
        frame.attrs.update({"query": hits.query, "total": hits.total})
    return frame
