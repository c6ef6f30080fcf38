#!/usr/bin/python3
"""Per-query time of the Python module's db.search against newsdex-search --timing, on the same
queries and database, in one run (by hand, not in CI; figures in docs/python.md).

Usage: scripts/bench-python.py [--db DB] [--queries FILE] [--rounds N] [-- SEARCH OPTIONS]
  --db       a database (default: data/python/reuters.db, indexed from Reuters-21578 if missing)
  --queries  a qid<TAB>query file (default: scripts/research/reuters-topics.tsv)
  --rounds   times each query is run, after one warm-up round (default 5)
Both sides ask for the top 10 with snippets; --match any and all are both measured.
The command line's time is the "time_us" --timing puts in JSON Lines (from the query reaching
the parser to its results, before printing); Python's is the whole db.search call (parser to
the list of dicts), measured with time.perf_counter, and hits.time_us (the same span as the
command line's). Last, queries per second with 1 and 2 Python threads sharing one Database:
the GIL is released while Xapian works, so 2 threads should approach twice 1 on 2 idle cores.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(top, "build", "python"))
import newsdex  # noqa: E402


def percentile(values, p):
    """Nearest rank, as --timing's summary."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def summary(name, times):
    return (f"{name:<34} p50 {percentile(times, 50):>6.0f} us  p95 {percentile(times, 95):>6.0f} us  "
            f"p99 {percentile(times, 99):>6.0f} us  mean {statistics.mean(times):>6.0f} us")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.path.join(top, "data", "python", "reuters.db"))
    parser.add_argument("--queries", default=os.path.join(top, "scripts", "research", "reuters-topics.tsv"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    search = os.path.join(top, "build", "searcher", "newsdex-search")
    if not os.path.exists(search):
        sys.exit("error: build first (see the README)")
    if not os.path.exists(os.path.join(args.db, "XAPIANDB")):
        corpus = subprocess.run([os.path.join(top, "scripts", "fetch-reuters.sh")], check=True,
                                capture_output=True, text=True).stdout.strip()
        print(newsdex.index(args.db, corpus)["summary"])

    queries = newsdex.read_queries(args.queries)
    print(f"{len(queries)} queries x {args.rounds} rounds, top 10 with snippets, database {args.db}")
    db = newsdex.open(args.db)
    for match in ("any", "all"):
        # The command line: one process runs every round, so its caches are as warm as Python's.
        batch = "".join(f"{qid}\t{text}\n" for _ in range(args.rounds + 1) for qid, text in queries)
        done = subprocess.run([search, "-d", args.db, "--format", "jsonl", "-n", "10", "--match", match,
                               "--timing", "--queries", "-"], input=batch, capture_output=True, text=True)
        lines = [l for l in done.stderr.splitlines() if l.startswith("timing: ")]
        cli = [json.loads(l)["time_us"] for l in done.stdout.splitlines() if '"time_us"' in l]
        cli = cli[len(queries):]  # the warm-up round left out
        python, library = [], []
        for round_number in range(args.rounds + 1):
            for _, text in queries:
                start = time.perf_counter()
                hits = db.search(text, limit=10, match=match)
                elapsed = (time.perf_counter() - start) * 1e6
                if round_number > 0:
                    python.append(elapsed)
                    library.append(hits.time_us)
        print(f"--match {match}")
        print("  " + summary("newsdex-search --timing time_us", cli))
        print("  " + summary("db.search (whole call)", python))
        print("  " + summary("db.search's hits.time_us", library))
        print(f"  ratio db.search / command line, p50: {percentile(python, 50) / percentile(cli, 50):.2f}")
        if lines:
            print(f"  (its stderr summary, printing and the warm-up round included: {lines[0][8:]})")
    print(f"threads sharing one Database, {len(queries) * args.rounds} queries each run:")
    for threads in (1, 2):
        print(f"  {threads} thread{'s' if threads > 1 else ' '}: {queries_per_second(db, queries, args.rounds, threads):.0f} queries/s")


def queries_per_second(db, queries, rounds, threads):
    import threading
    work = [text for _ in range(rounds) for _, text in queries]
    start = time.perf_counter()
    workers = [threading.Thread(target=lambda part: [db.search(t, limit=10) for t in part],
                                args=(work[i::threads],)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return len(work) / (time.perf_counter() - start)


if __name__ == "__main__":
    main()
