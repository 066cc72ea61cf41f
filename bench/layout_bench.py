#!/usr/bin/env python3
"""Index layouts compared on the same articles in one run: newssearch as it is (one Xapian
document per passage), newssearch patched to write one document per article
(bench/article_layout.patch, built by bench/article-layout.sh), and scriptindex. Reports wall
time, CPU time, peak memory and index size (as built and after xapian-compact), with ratios to
scriptindex. Searching the article layout is not implemented: this measures what the index side
of that design would cost.

    bench/layout_bench.py --passage-layout build/newssearch --article-layout PATCHED/newssearch \
        --corpus CORPUS
"""
import argparse
import shutil
from pathlib import Path

import index_bench as bench


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passage-layout", required=True, type=Path)
    parser.add_argument("--article-layout", required=True, type=Path)
    parser.add_argument("--corpus", required=True, type=Path)
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    work = Path(str(corpus) + "-layout-work")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    dump = work / "articles.dump"
    bench.write_dump(corpus, dump)
    runs = {
        "newssearch, a document per passage": [str(args.passage_layout), "index", "--quiet", "--db", str(work / "passage-db"), str(corpus)],
        "newssearch, a document per article": [str(args.article_layout), "index", "--quiet", "--db", str(work / "article-db"), str(corpus)],
        "scriptindex": ["scriptindex", "--overwrite", str(work / "scriptindex-db"), str(bench.BENCH / "scriptindex.def"), str(dump)],
    }
    dbs = {"newssearch, a document per passage": work / "passage-db", "newssearch, a document per article": work / "article-db",
           "scriptindex": work / "scriptindex-db"}
    rows = {}
    for name, command in runs.items():
        print("$ " + " ".join(command), flush=True)
        wall, cpu, rss = bench.timed(command, work / (dbs[name].name + ".log"))
        rows[name] = (wall, cpu, rss, bench.size_mib(dbs[name]), bench.compacted_mib(dbs[name], work, dbs[name].name))
    print(f"\n| {sum(1 for _ in corpus.rglob('*.txt'))} articles | wall s | CPU s | peak RSS MiB | index MiB | after xapian-compact MiB |")
    print("|---|---|---|---|---|---|")
    for name, (wall, cpu, rss, size, compacted) in rows.items():
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {size:.1f} | {compacted:.1f} |")
    peer = rows["scriptindex"]
    for name in list(rows)[:2]:
        print(f"| ratio {name}/scriptindex | " + " | ".join(bench.ratio(a, b) for a, b in zip(rows[name], peer)) + " |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
