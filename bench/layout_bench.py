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
    passage_db, article_db, xapian_db = work / "passage-db", work / "article-db", work / "scriptindex-db"
    runs = [
        ("newssearch, a document per passage", passage_db,
         [str(args.passage_layout), "index", "--quiet", "--db", str(passage_db), str(corpus)]),
        ("newssearch, a document per article", article_db,
         [str(args.article_layout), "index", "--quiet", "--db", str(article_db), str(corpus)]),
        ("scriptindex", xapian_db,
         ["scriptindex", "--overwrite", str(xapian_db), str(bench.BENCH / "scriptindex.def"), str(dump)]),
    ]
    rows = {}
    for name, db, command in runs:
        print("$ " + " ".join(command), flush=True)
        wall, cpu, rss = bench.timed(command, work / (db.name + ".log"))
        rows[name] = (wall, cpu, rss, bench.size_mib(db), bench.compacted_mib(db, work, db.name))
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
