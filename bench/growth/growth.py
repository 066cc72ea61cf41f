#!/usr/bin/env python3
"""Growth curve: how indexing and searching scale with the number of articles, newssearch beside
scriptindex/quest (xapian-omega, xapian-tools) on the same articles, in the same run.

  bench/growth/growth.py --newssearch BIN --query-latency BIN --reuters DIR [--scales 1,10,50]
                         [--work DIR] [--queries N] [--plot FILE.svg]

The corpus at scale N is N copies of the Reuters-21578 articles (DIR: bench/make-corpus.py's
corpus-1x/reuters, 19,043 articles), each copy under new ids (copy K of article 123 is "cK/123"),
so 50x is 952,150 articles. The text of a copy is the same as the original's, so the vocabulary
stops growing after 1x while postings, stored articles and positions grow with N: an index of a
real million articles would have more distinct terms. newssearch reads the copies as JSON Lines
(one file per copy: a large collection arrives as a dump, not as a million small files; the
articles are clean already, so this measures indexing, entity recognition and passage splitting,
not the scrape cleaner); scriptindex reads a dump of the same articles (bench/scriptindex.def).

For each scale: index wall and CPU time and peak RSS (/usr/bin/time -v) and size on disk, for
both; query time over a fixed mix of title queries: newssearch in process (bench/query_latency,
top 10 with snippets, p50 and p99; by default and with copies not grouped into stories, since here
every article has scale-1 exact copies), and one process per query for `newssearch search` and
`quest` (top 10). Prints a Markdown table and writes an SVG plot of the same numbers.

--side-by-side runs the two indexers at the same time, one core each, instead of one after the
other: the 50x step then fits in about half the wall time. Wall times are then not those of an
idle machine; CPU times, memory and sizes still compare. --keep leaves the indexes in --work, for
timing searches on them again. Each scale's row is saved in --work (row-Nx.json); --reuse takes a
saved row instead of running that scale again, so one table and plot can come from scales run at
different times (each row says the commit it was measured at).
"""
import argparse
import json
import random
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from index_bench import articles, per_process, ratio, size_mib, timed  # noqa: E402

BENCH = Path(__file__).resolve().parent.parent


def write_copies(originals, scale, corpus, dump):
    """`scale` JSON Lines files (one per copy) for newssearch and one scriptindex dump."""
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    with dump.open("w", encoding="utf-8") as out:
        for copy in range(scale):
            with (corpus / f"copy-{copy:02d}.jsonl").open("w", encoding="utf-8") as jsonl:
                for article_id, title, date, paragraphs in originals:
                    new_id = f"c{copy}/{article_id}"
                    record = {"id": new_id, "title": title, "source": "Reuters", "body": "\n".join(paragraphs)}
                    if date:
                        record["date"] = date
                    jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
                    out.write(f"id={new_id}\ntitle={title}\n")
                    if date:
                        out.write(f"date={date}\n")
                    out.write("body=" + "\n=".join(paragraphs) + "\n\n")


def title_queries(originals, count):
    """`count` queries of 2-4 lower-case title words, chosen with a fixed seed."""
    rng = random.Random(1000000)
    titles = [title for _, title, _, _ in originals]
    rng.shuffle(titles)
    queries = []
    for title in titles:
        words = [w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) > 2]
        if len(words) >= 2:
            queries.append(" ".join(words[: rng.randint(2, 4)]))
        if len(queries) == count:
            break
    return queries


def in_process(query_latency, db, queries_file, all_copies=False):
    command = [str(query_latency), "--db", str(db), "--queries", str(queries_file), "--rounds", "2"]
    output = subprocess.run(command + (["--all-copies"] if all_copies else []),
                            capture_output=True, text=True, check=True).stdout
    return {key: float(value) for key, value in (item.split("=") for item in output.split("\n")[0].split())
            if key.endswith("_ms")}


def svg_plot(rows, path):
    """Four small panels (index time, peak memory, index size, query time) against the number of
    articles, newssearch and the Xapian peer, on log-log axes; plain SVG, no plotting library."""
    import math
    panels = [
        ("index CPU time, s", "ns_cpu", "x_cpu"),
        ("indexing peak memory, MiB", "ns_rss", "x_rss"),
        ("index size, MiB", "ns_size", "x_size"),
        ("query p50 ms, one process per query (top 10)", "ns_process_p50", "quest_p50"),
    ]
    width, height, pad = 420, 260, 50
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">'
           % (2 * width, 2 * height + 30)]
    out.append('<rect width="100%" height="100%" fill="white"/>')
    out.append('<text x="10" y="18" font-size="13">newssearch (blue) and scriptindex/quest (orange) against articles '
               'indexed, log-log (bench/growth/growth.py)</text>')
    xs = [row["articles"] for row in rows]
    for index, (title, mine, peer) in enumerate(panels):
        left, top = (index % 2) * width, 30 + (index // 2) * height
        values = [row[k] for row in rows for k in (mine, peer) if row[k] > 0]
        lo_y, hi_y = math.log10(min(values)) - 0.1, math.log10(max(values)) + 0.1
        lo_x, hi_x = math.log10(min(xs)) - 0.1, math.log10(max(xs)) + 0.1

        def px(x):
            return left + pad + (math.log10(x) - lo_x) / (hi_x - lo_x) * (width - 1.5 * pad)

        def py(y):
            return top + height - pad + (lo_y - math.log10(y)) / (hi_y - lo_y) * (height - 1.6 * pad)

        out.append(f'<text x="{left + pad}" y="{top + 20}">{title}</text>')
        out.append(f'<rect x="{left + pad}" y="{top + 0.6 * pad}" width="{width - 1.5 * pad}" '
                   f'height="{height - 1.6 * pad}" fill="none" stroke="#999"/>')
        for x in xs:
            out.append(f'<text x="{px(x):.1f}" y="{top + height - pad + 14}" text-anchor="middle">{x:,}</text>')
        for key, colour in ((mine, "#1f5fbf"), (peer, "#e07b00")):
            points = [(px(row["articles"]), py(row[key])) for row in rows if row[key] > 0]
            out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>'
                       % (colour, " ".join(f"{x:.1f},{y:.1f}" for x, y in points)))
            for (x, y), row in zip(points, [row for row in rows if row[key] > 0]):
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
                out.append(f'<text x="{x + 5:.1f}" y="{y - 5:.1f}" fill="{colour}">{row[key]:.4g}</text>')
    out.append("</svg>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newssearch", required=True, type=Path)
    parser.add_argument("--query-latency", required=True, type=Path)
    parser.add_argument("--reuters", required=True, type=Path, help="bench/make-corpus.py's corpus-1x/reuters")
    parser.add_argument("--scales", default="1,10,50")
    parser.add_argument("--work", default=Path("/tmp/newssearch-bench/growth"), type=Path)
    parser.add_argument("--queries", default=200, type=int)
    parser.add_argument("--per-process-queries", default=60, type=int)
    parser.add_argument("--plot", type=Path)
    parser.add_argument("--side-by-side", action="store_true", help="run both indexers at once")
    parser.add_argument("--keep", action="store_true", help="keep the indexes in --work")
    parser.add_argument("--reuse", action="store_true", help="take a scale's saved row instead of running it")
    args = parser.parse_args()

    originals = list(articles(args.reuters))
    queries = title_queries(originals, args.queries)
    args.work.mkdir(parents=True, exist_ok=True)
    queries_file = args.work / "queries.txt"
    queries_file.write_text("\n".join(queries) + "\n", encoding="utf-8")
    print(f"{len(originals)} Reuters articles, {len(queries)} queries, work: {args.work}", flush=True)

    rows = []
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=BENCH).stdout.strip()
    for scale in (int(s) for s in args.scales.split(",")):
        saved = args.work / f"row-{scale}x.json"
        if args.reuse and saved.exists():
            rows.append(json.loads(saved.read_text()))
            print(f"{scale}x: saved row, measured at {rows[-1].get('commit', '?')}", flush=True)
            continue
        corpus, dump = args.work / f"corpus-{scale}x", args.work / f"articles-{scale}x.dump"
        ns_db, x_db = args.work / f"newssearch-{scale}x", args.work / f"scriptindex-{scale}x"
        write_copies(originals, scale, corpus, dump)
        for db in (ns_db, x_db):
            shutil.rmtree(db, ignore_errors=True)
        subprocess.run(["sync"], check=True)
        print(f"{scale}x: {scale * len(originals)} articles", flush=True)
        row = {"scale": scale, "articles": scale * len(originals), "commit": commit}
        index_newssearch = lambda: timed(  # noqa: E731
            [str(args.newssearch), "index", "--quiet", "--db", str(ns_db), str(corpus)], args.work / f"ns-{scale}x.log")
        index_scriptindex = lambda: timed(  # noqa: E731
            ["scriptindex", "--overwrite", str(x_db), str(BENCH / "scriptindex.def"), str(dump)],
            args.work / f"scriptindex-{scale}x.log")
        if args.side_by_side:
            with ThreadPoolExecutor(2) as pool:
                newssearch_run, scriptindex_run = pool.submit(index_newssearch), pool.submit(index_scriptindex)
                row["ns_wall"], row["ns_cpu"], row["ns_rss"] = newssearch_run.result()
                row["x_wall"], row["x_cpu"], row["x_rss"] = scriptindex_run.result()
        else:
            row["ns_wall"], row["ns_cpu"], row["ns_rss"] = index_newssearch()
            subprocess.run(["sync"], check=True)
            row["x_wall"], row["x_cpu"], row["x_rss"] = index_scriptindex()
        row["ns_size"], row["x_size"] = size_mib(ns_db), size_mib(x_db)
        latency = in_process(args.query_latency, ns_db, queries_file)
        row["ns_p50"], row["ns_p99"] = latency["p50_ms"], latency["p99_ms"]
        # Every article here has scale-1 exact copies, which the default search groups into one
        # story (fetching more results to fill a page): measured apart, and without it.
        latency = in_process(args.query_latency, ns_db, queries_file, all_copies=True)
        row["ns_all_p50"], row["ns_all_p99"] = latency["p50_ms"], latency["p99_ms"]
        few = queries[: args.per_process_queries]
        row["ns_process_p50"] = per_process(
            lambda q: [str(args.newssearch), "search", "--db", str(ns_db), q], few)["p50"]
        row["quest_p50"] = per_process(
            lambda q: ["quest", "-d", str(x_db), "-m", "10", "-o", "and", q], few)["p50"]
        rows.append(row)
        saved.write_text(json.dumps(row) + "\n")
        print(json.dumps(row), flush=True)
        if not args.keep:
            for path in (ns_db, x_db, corpus):
                shutil.rmtree(path, ignore_errors=True)
            dump.unlink()

    print("\n| articles | newssearch index wall s | CPU s | peak RSS MiB | index MiB | scriptindex wall s | CPU s "
          "| peak RSS MiB | index MiB | CPU ratio | size ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['articles']:,} | {row['ns_wall']:.1f} | {row['ns_cpu']:.1f} | {row['ns_rss']:.0f} | "
              f"{row['ns_size']:.0f} | {row['x_wall']:.1f} | {row['x_cpu']:.1f} | {row['x_rss']:.0f} | "
              f"{row['x_size']:.0f} | {ratio(row['ns_cpu'], row['x_cpu'])} | {ratio(row['ns_size'], row['x_size'])} |")
    print("\n| articles | in process p50 ms | p99 ms | the same, copies not grouped: p50 ms | p99 ms | "
          "newssearch search per process p50 ms | quest per process p50 ms | ratio per process |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['articles']:,} | {row['ns_p50']:.2f} | {row['ns_p99']:.2f} | {row['ns_all_p50']:.2f} | "
              f"{row['ns_all_p99']:.2f} | {row['ns_process_p50']:.1f} | {row['quest_p50']:.1f} | "
              f"{ratio(row['ns_process_p50'], row['quest_p50'])} |")
    if args.plot:
        svg_plot(rows, args.plot)
        print(f"\nplot: {args.plot}")


if __name__ == "__main__":
    sys.exit(main())
