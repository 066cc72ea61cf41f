#!/usr/bin/env python3
"""In-process search latency of a large index as one database, as N local shards, and as the same
N shards each behind its own xapian-tcpsrv on loopback, on the same articles (docs/BENCHMARKS.md,
"Shards and remote shards").

  bench/shards/remote_latency.py --newssearch BIN --query-latency BIN --reuters DIR
                                 [--scale 10] [--shards 2] [--rounds 5] [--work DIR] [--all-copies]
                                 [--keep] [--reuse]

The corpus is bench/growth/growth.py's: SCALE copies of the Reuters-21578 articles under new ids,
with its 200 title queries. The articles are indexed twice (`newssearch index`, then
`newssearch index --shards N`), each under /usr/bin/time -v. Then bench/query_latency (one
Searcher kept open, top 10 with snippets, one warm-up round then 2 timed rounds of the queries)
runs over each layout in turn, --rounds times, the order rotating each round. For the remote
layout each run starts one `xapian-tcpsrv --one-shot` per shard (it serves the searcher's one
connection in its own process and exits, so its CPU time is read when it ends) and a stub file
of `remote 127.0.0.1:PORT` lines names them.

Reported per layout, the median over the rounds of: wall p50 / p99; the searching thread's CPU
p50 / p99 (for remote shards it leaves out the servers' work); CPU per search over the whole run,
of the query_latency process and of the servers; and Xapian's match alone (bench/shards/
match_only.py: the same queries as newssearch parses them, get_mset as newssearch asks for it,
no hits built), when --xapian-python (default /usr/bin/python3) has python3-xapian. The hits of
the warm-up round (article ids and scores) and the match's 10 best weights are compared between
layouts: Xapian shares term statistics across shards, so they should agree.

--keep leaves the corpus and the indexes in --work; --reuse takes them from there instead of
indexing again (indexing figures are then not reported). The servers are always stopped.
"""
import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH / "growth"))
from growth import title_queries, write_copies  # noqa: E402
from index_bench import articles, size_mib, timed  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_servers(shards):
    """One xapian-tcpsrv --one-shot per shard (it serves one connection in its own process and
    exits, so its CPU time can be read when it ends); returns the processes and their ports."""
    servers, ports = [], []
    for shard in shards:
        port = free_port()
        server = subprocess.Popen(["xapian-tcpsrv", "--one-shot", "--interface", "127.0.0.1", "--port", str(port),
                                   str(shard)], stdout=subprocess.PIPE, text=True, start_new_session=True)
        for line in server.stdout:
            if line.startswith("Listening"):
                break
        else:
            raise RuntimeError(f"xapian-tcpsrv for {shard} did not start")
        servers.append(server)
        ports.append(port)
    return servers, ports


def stop_servers(servers):
    """Waits for each server (they exit when the searcher closes its connection; stopped after
    10 s otherwise); returns their CPU seconds."""
    cpu = 0.0
    for server in servers:
        deadline = time.time() + 10
        while True:
            pid, _, usage = os.wait4(server.pid, os.WNOHANG)
            if pid:
                cpu += usage.ru_utime + usage.ru_stime
                server.returncode = 0
                break
            if time.time() > deadline:
                os.killpg(server.pid, 15)
                server.wait()
                break
            time.sleep(0.02)
        server.stdout.close()
    return cpu


def on_layout(args, db, shards, command):
    """Runs command(db) over `db`, or when `db` is None over `shards` each behind a xapian-tcpsrv
    started for this run (the stub file's path or the `remote:` list is passed as `db`). Returns
    its output and the CPU seconds of the command and of the servers."""
    servers = []
    if db is None:
        servers, ports = start_servers(shards)
        (args.work / "remote.stub").write_text("".join(f"remote 127.0.0.1:{port}\n" for port in ports))
        db = ",".join(f"remote:127.0.0.1:{port}" for port in ports) if command is match_only_command else \
            str(args.work / "remote.stub")
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        output = subprocess.run(command(args, db), capture_output=True, text=True, check=True).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        server_cpu = stop_servers(servers)
    return output, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), server_cpu


def latency_command(args, db):
    return [str(args.query_latency), "--db", str(db), "--queries", str(args.work / "queries.txt"), "--rounds", "2",
            "--ids", str(args.work / "hits.txt")] + (["--all-copies"] if args.all_copies else [])


def match_only_command(args, db):
    return [args.xapian_python, str(Path(__file__).resolve().parent / "match_only.py"),
            str(args.work / "parsed-queries.txt"), "2", str(db), "10" if args.all_copies else "40"]


def run_latency(args, db, shards):
    """One query_latency run: its percentiles and the CPU per search of the whole run."""
    output, client_cpu, server_cpu = on_layout(args, db, shards, latency_command)
    lines = output.split("\n")
    wall = dict(item.split("=") for item in lines[0].split())
    cpu = dict(item.split("=") for item in lines[1].split()[1:])
    searches = int(wall["queries"]) * 3  # the warm-up round and 2 timed rounds
    return {"p50": float(wall["p50_ms"]), "p99": float(wall["p99_ms"]), "mean": float(wall["mean_ms"]),
            "cpu_p50": float(cpu["p50_ms"]), "cpu_p99": float(cpu["p99_ms"]),
            "client_cpu": client_cpu / searches * 1000, "server_cpu": server_cpu / searches * 1000}


def run_match_only(args, db, shards):
    """Xapian's match alone (match_only.py): its percentiles and each query's best weights."""
    output, _, _ = on_layout(args, db, shards, match_only_command)
    lines = output.split("\n")
    wall = dict(item.split("=") for item in lines[0].split())
    return {"match_p50": float(wall["p50_ms"]), "match_p99": float(wall["p99_ms"])}, lines[1:]


def read_hits(path):
    hits = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        query, rest = line.split("\t", 1)
        ids, scores = rest.split("|")
        hits[query] = (ids.split(), [float(s) for s in scores.split()])
    return hits


def compare_hits(name, base, other):
    """Lines saying where `other`'s hits differ from `base`'s."""
    differences = []
    for query, (ids, scores) in base.items():
        other_ids, other_scores = other[query]
        if ids != other_ids:
            differences.append(f"  {name}: '{query}': ids differ: {ids} / {other_ids}")
        elif any(abs(a - b) > 1e-4 * max(1.0, abs(a)) for a, b in zip(scores, other_scores)):
            differences.append(f"  {name}: '{query}': scores differ: {scores} / {other_scores}")
    return differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newssearch", required=True, type=Path)
    parser.add_argument("--query-latency", required=True, type=Path)
    parser.add_argument("--reuters", required=True, type=Path, help="bench/make-corpus.py's corpus-1x/reuters")
    parser.add_argument("--scale", default=10, type=int)
    parser.add_argument("--shards", default=2, type=int)
    parser.add_argument("--rounds", default=5, type=int)
    parser.add_argument("--queries", default=200, type=int)
    parser.add_argument("--work", default=Path("/tmp/newssearch-bench/remote-shards"), type=Path)
    parser.add_argument("--all-copies", action="store_true", help="query_latency --all-copies")
    parser.add_argument("--xapian-python", default="/usr/bin/python3", help="a python3 with python3-xapian")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and indexes in --work")
    parser.add_argument("--reuse", action="store_true", help="take the corpus and indexes kept in --work")
    args = parser.parse_args()

    originals = list(articles(args.reuters))
    args.work.mkdir(parents=True, exist_ok=True)
    queries_file = args.work / "queries.txt"
    queries_file.write_text("\n".join(title_queries(originals, args.queries)) + "\n", encoding="utf-8")
    corpus = args.work / f"corpus-{args.scale}x"
    single, sharded = args.work / f"single-{args.scale}x", args.work / f"shards{args.shards}-{args.scale}x"
    print(f"{args.scale * len(originals):,} articles ({args.scale} copies of {len(originals):,}), "
          f"{args.shards} shards, work: {args.work}", flush=True)

    if not (args.reuse and single.exists() and sharded.exists()):
        if not (args.reuse and corpus.exists()):
            dump = args.work / "unused.dump"
            write_copies(originals, args.scale, corpus, dump)
            dump.unlink()
        print("| index | wall s | CPU s | peak RSS MiB | size MiB |\n|---|---|---|---|---|")
        for db, extra in ((single, []), (sharded, ["--shards", str(args.shards)])):
            shutil.rmtree(db, ignore_errors=True)
            subprocess.run(["sync"], check=True)
            wall, cpu, rss = timed([str(args.newssearch), "index", "--quiet", "--db", str(db), *extra, str(corpus)],
                                   args.work / f"{db.name}.log")
            print(f"| {db.name} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {size_mib(db):.0f} |", flush=True)

    shards = [sharded / f"shard-{shard}" for shard in range(args.shards)]
    layouts = [("1 database", single), (f"{args.shards} local shards", sharded),
               (f"{args.shards} remote shards (xapian-tcpsrv)", None)]
    match_only = subprocess.run([args.xapian_python, "-c", "import xapian"], capture_output=True).returncode == 0
    if match_only:
        with (args.work / "parsed-queries.txt").open("w", encoding="utf-8") as out:
            for query in queries_file.read_text(encoding="utf-8").splitlines():
                result = subprocess.run([str(args.newssearch), "search", "--db", str(single), "--json", "-n", "1", query],
                                        capture_output=True, text=True, check=True).stdout
                out.write(query + "\t" + json.loads(result)["parsed_query"] + "\n")
    else:
        print(f"{args.xapian_python} cannot import xapian (python3-xapian): Xapian's match alone is not timed")
    results = {name: [] for name, _ in layouts}
    differences = []
    for round_ in range(args.rounds):
        order = layouts[round_ % len(layouts):] + layouts[:round_ % len(layouts)]
        for name, db in order:
            result = run_latency(args, db, shards)
            (args.work / "hits.txt").rename(args.work / f"hits-{[n for n, _ in layouts].index(name)}.txt")
            if match_only:
                match, best = run_match_only(args, db, shards)
                result.update(match)
                (args.work / f"best-{[n for n, _ in layouts].index(name)}.txt").write_text("\n".join(best))
            results[name].append(result)
            print(f"round {round_ + 1} {name}: " + " ".join(f"{k}={v:.2f}" for k, v in result.items()), flush=True)
        base = read_hits(args.work / "hits-0.txt")
        for index, (name, _) in enumerate(layouts[1:], start=1):
            differences += compare_hits(name, base, read_hits(args.work / f"hits-{index}.txt"))
            if match_only and (args.work / f"best-{index}.txt").read_text() != (args.work / "best-0.txt").read_text():
                differences.append(f"  {name}: Xapian's 10 best weights differ (best-*.txt)")

    print(f"\n{args.queries} queries, top 10 with snippets{' (--all-copies)' if args.all_copies else ''}, "
          f"median of {args.rounds} rounds (each 2 timed passes), ms")
    print("| index | p50 | p99 | p99 lowest-highest | thread CPU p50 | thread CPU p99 | CPU per search: client | servers "
          "| match alone p50 | p99 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, _ in layouts:
        runs = results[name]
        med = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        p99s = [run["p99"] for run in runs]
        print(f"| {name} | {med['p50']:.2f} | {med['p99']:.2f} | {min(p99s):.1f}-{max(p99s):.1f} | {med['cpu_p50']:.2f} | "
              f"{med['cpu_p99']:.2f} | {med['client_cpu']:.2f} | {med['server_cpu']:.2f} | "
              f"{med.get('match_p50', float('nan')):.2f} | {med.get('match_p99', float('nan')):.2f} |")
    queries = sum(1 for _ in queries_file.open())
    print(f"\nhits of {queries} queries compared with one database's over {args.rounds} rounds: "
          + ("the same ids and scores in every layout" if not differences else
             f"{len(differences)} differences ({len(set(differences))} distinct, in order of first seen)"))
    for line in list(dict.fromkeys(differences))[:40]:
        print(line)
    if not args.keep:
        for path in (single, sharded, corpus):
            shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
