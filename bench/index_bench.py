#!/usr/bin/env python3
"""Indexing and query-latency benchmark: newssearch against scriptindex/quest (xapian-omega,
xapian-tools) and recollindex/recollq (recollcmd), on the same articles, in the same run.

  bench/index_bench.py --newssearch BIN --query-latency BIN --corpus DIR [--work DIR] [--queries N]
                       [--rounds N]

For each tool: wall time, CPU time (user + system) and peak RSS of indexing (/usr/bin/time -v),
and the index size on disk; then query latency per process (one process per query, as a user at
a terminal runs it) for all three, and in-process for newssearch (bench/query_latency.cpp, with
snippets). Prints Markdown tables with the ratios newssearch/peer.

The indexers run in --rounds rounds (default 3), each round every indexer once, starting one
later each round so that none always runs first. On a shared machine one tool's speed moves by
more than the differences measured (scriptindex alone took 95-212 s on the same 10x corpus), so
each ratio is taken within a round, from runs minutes apart, and the median over the rounds is
reported, with every round's wall times.
"""
import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def articles(corpus):
    """(id, title, date, paragraphs) of every .txt file of the corpus, in path order."""
    for path in sorted(corpus.rglob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        title, rest = lines[0], lines[1:]
        date = ""
        if rest and rest[0].startswith("Published "):
            date, rest = rest[0][len("Published "):], rest[1:]
        yield str(path.relative_to(corpus).with_suffix("")), title, date, [l for l in rest if l.strip()]


def write_dump(corpus, dump):
    """The scriptindex dump of the corpus: NAME=VALUE lines, '=' continuation lines, blank-line
    separated records."""
    with dump.open("w", encoding="utf-8") as out:
        for article_id, title, date, paragraphs in articles(corpus):
            out.write(f"id={article_id}\ntitle={title}\n")
            if date:
                out.write(f"date={date}\n")
            out.write("body=" + "\n=".join(paragraphs) + "\n\n")


def write_queries(corpus, path, count):
    """`count` queries of 2-4 words taken from article titles (lower case, so that no word reads
    as an operator), chosen with a fixed seed."""
    titles = [title for _, title, _, _ in articles(corpus)]
    rng = random.Random(21578)
    rng.shuffle(titles)
    queries = []
    for title in titles:
        words = [w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) > 2]
        if len(words) < 2:
            continue
        queries.append(" ".join(words[: rng.randint(2, 4)]))
        if len(queries) == count:
            break
    path.write_text("\n".join(queries) + "\n", encoding="utf-8")
    return queries


def write_recoll_config(confdir, corpus):
    confdir.mkdir(parents=True, exist_ok=True)
    (confdir / "recoll.conf").write_text(
        f"topdirs = {corpus}\n"
        f"dbdir = {confdir / 'xapiandb'}\n"
        "indexstemminglanguages = english\n"
        "noaspell = 1\n"
        "loglevel = 1\n", encoding="utf-8")


def timed(command, log):
    """Runs `command` under /usr/bin/time -v; returns wall s, CPU s, peak RSS MiB."""
    with log.open("w") as out:
        subprocess.run(["/usr/bin/time", "-v"] + command, stdout=out, stderr=subprocess.STDOUT, check=True)
    text = log.read_text(errors="replace")
    def field(name):
        return re.search(rf"{re.escape(name)}: (.*)", text).group(1).strip()
    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return wall, cpu, int(field("Maximum resident set size (kbytes)")) / 1024


def size_mib(path):
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / (1 << 20)


def compacted_mib(db, work, name):
    """Size of `db` after `xapian-compact` (what Xapian's documentation advises after a bulk
    build; it fills the B-tree blocks that incremental flushes leave half empty). Not timed."""
    target = work / f"{name}-compacted"
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["xapian-compact", str(db), str(target)], stdout=subprocess.DEVNULL, check=True)
    size = size_mib(target)
    shutil.rmtree(target, ignore_errors=True)
    return size


def percentiles(values):
    values = sorted(values)
    def at(p):
        return values[min(len(values) - 1, int(p / 100 * (len(values) - 1) + 0.5))]
    return {"mean": statistics.fmean(values), "p50": at(50), "p95": at(95), "p99": at(99)}


def per_process(command_for, queries):
    """Milliseconds per query, one process per query; the first 10 queries warm up, uncounted."""
    for query in queries[:10]:
        subprocess.run(command_for(query), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    millis = []
    for query in queries:
        start = time.perf_counter()
        subprocess.run(command_for(query), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        millis.append((time.perf_counter() - start) * 1000)
    return percentiles(millis)


def ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newssearch", required=True, type=Path)
    parser.add_argument("--query-latency", required=True, type=Path)
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--work", type=Path, help="default: CORPUS-work")
    parser.add_argument("--queries", default=300, type=int)
    parser.add_argument("--rounds", default=3, type=int)
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    corpus = args.corpus.resolve()
    work = (args.work or Path(str(corpus) + "-work")).resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    files = sum(1 for _ in corpus.rglob("*.txt"))
    print(f"corpus: {corpus} ({files} articles), work: {work}", flush=True)

    dump = work / "articles.dump"
    write_dump(corpus, dump)
    queries = write_queries(corpus, work / "queries.txt", args.queries)
    recoll_conf = work / "recoll"
    write_recoll_config(recoll_conf, corpus)
    ns_db, xapian_db = work / "newssearch-db", work / "scriptindex-db"

    ns_sharded_db = work / "newssearch-shards-db"
    runs = {
        "newssearch index": ([str(args.newssearch), "index", "--quiet", "--db", str(ns_db), str(corpus)], ns_db),
        # The same with one writer thread per shard (docs/INDEXING.md): what a multi-core machine
        # gains when the single writer is the bottleneck.
        "newssearch index --shards 2": ([str(args.newssearch), "index", "--quiet", "--shards", "2", "--db",
                                         str(ns_sharded_db), str(corpus)], ns_sharded_db),
        "scriptindex": (["scriptindex", "--overwrite", str(xapian_db), str(BENCH / "scriptindex.def"), str(dump)], xapian_db),
        "recollindex": (["recollindex", "-c", str(recoll_conf), "-z"], recoll_conf / "xapiandb"),
    }
    names = list(runs)
    # rounds[r][name] = (wall s, CPU s, peak RSS MiB, index MiB) of round r.
    rounds = []
    for r in range(args.rounds):
        print(f"round {r + 1} of {args.rounds}", flush=True)
        measured = {}
        for name in names[r % len(names):] + names[:r % len(names)]:
            command, db = runs[name]
            shutil.rmtree(db, ignore_errors=True)
            # The previous run's index is still being written back to disk: not on this run's time.
            os.sync()
            print(f"$ {' '.join(command)}", flush=True)
            wall, cpu, rss = timed(command, work / f"{name.split()[0]}.time")
            measured[name] = (wall, cpu, rss, size_mib(db))
            print(f"  wall {wall:.1f} s, CPU {cpu:.1f} s, peak RSS {rss:.0f} MiB, index {measured[name][3]:.1f} MiB",
                  flush=True)
        rounds.append(measured)

    compacted = {}
    for name, (_, db) in runs.items():
        # A sharded index is compacted shard by shard (xapian-compact would merge them into one).
        shards = sorted(db.glob("shard-*")) or [db]
        compacted[name] = sum(compacted_mib(shard, work, name.split()[0]) for shard in shards)

    def median(name, field):
        return statistics.median(measured[name][field] for measured in rounds)

    def median_ratio(mine, peer, field):
        values = [m[mine][field] / m[peer][field] for m in rounds if m[peer][field]]
        return f"{statistics.median(values):.2f}" if values else "n/a"

    print(f"\n| indexing {files} articles, median of {args.rounds} rounds | wall s | CPU s | peak RSS MiB | index MiB "
          "| after xapian-compact MiB |")
    print("|---|---|---|---|---|---|")
    for name in names:
        print(f"| {name} | {median(name, 0):.1f} | {median(name, 1):.1f} | {median(name, 2):.0f} | "
              f"{median(name, 3):.1f} | {compacted[name]:.1f} |")
    for mine in ("newssearch index", "newssearch index --shards 2"):
        for peer in ("scriptindex", "recollindex"):
            print(f"| ratio {mine.replace('newssearch index', 'newssearch')}/{peer} (median of the rounds' ratios) | "
                  + " | ".join(median_ratio(mine, peer, field) for field in range(4))
                  + f" | {ratio(compacted[mine], compacted[peer])} |")

    print("\n| round | " + " | ".join(f"{name} wall s" for name in names) + " | newssearch/scriptindex |")
    print("|---|" + "---|" * (len(names) + 1))
    for r, measured in enumerate(rounds, 1):
        print(f"| {r} | " + " | ".join(f"{measured[name][0]:.1f}" for name in names) + " | "
              + ratio(measured["newssearch index"][0], measured["scriptindex"][0]) + " |")

    print(f"\n$ {args.query_latency} --db {ns_db} --queries {work / 'queries.txt'}", flush=True)
    in_process = subprocess.run([str(args.query_latency), "--db", str(ns_db), "--queries", str(work / "queries.txt")],
                                capture_output=True, text=True, check=True).stdout.strip()
    print(in_process, flush=True)
    # The first line is wall time per query; a "thread_cpu ..." line follows with the searching
    # thread's CPU time, which the table reports too (steadier on a shared machine).
    lines = in_process.splitlines()
    fields = dict(item.split("=") for item in lines[0].split())
    cpu_fields = dict(item.split("=") for item in lines[1].split()[1:]) if len(lines) > 1 else {}

    commands = {
        "newssearch search": lambda q: [str(args.newssearch), "search", "--db", str(ns_db), q],
        "quest": lambda q: ["quest", "-d", str(xapian_db), "-m", "10", "-o", "and", q],
        "recollq": lambda q: ["recollq", "-c", str(recoll_conf), "-a", "-n", "10", "-A", q],
    }
    latency = {}
    for name, command_for in commands.items():
        print(f"$ {' '.join(command_for('QUERY'))}   (x{len(queries)})", flush=True)
        latency[name] = per_process(command_for, queries)
    print(f"\n| {len(queries)} queries, ms | mean | p50 | p95 | p99 |")
    print("|---|---|---|---|---|")
    print(f"| newssearch in-process (snippets) | {float(fields['mean_ms']):.2f} | {float(fields['p50_ms']):.2f} | "
          f"{float(fields['p95_ms']):.2f} | {float(fields['p99_ms']):.2f} |")
    if cpu_fields:
        print(f"| newssearch in-process, searching thread's CPU | | {float(cpu_fields['p50_ms']):.2f} | "
              f"{float(cpu_fields['p95_ms']):.2f} | {float(cpu_fields['p99_ms']):.2f} |")
    for name, values in latency.items():
        print(f"| {name} (one process per query) | " + " | ".join(f"{values[k]:.1f}" for k in ("mean", "p50", "p95", "p99")) + " |")
    ns_q = latency["newssearch search"]
    for peer in ("quest", "recollq"):
        print(f"| ratio newssearch/{peer} | " + " | ".join(ratio(ns_q[k], latency[peer][k]) for k in ("mean", "p50", "p95", "p99")) + " |")


if __name__ == "__main__":
    sys.exit(main())
