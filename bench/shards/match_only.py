#!/usr/bin/python3
"""Xapian's match alone, as newssearch asks for it, on one layout of an index: for bench/shards/
remote_latency.py, which runs it with Debian's python3 (python3-xapian).

  match_only.py PARSED_QUERIES ROUNDS DB [COUNT]

PARSED_QUERIES has one `QUERY<TAB>Query(...)` line per query: the `parsed_query` that
`newssearch search --json` reports, rebuilt here as a Xapian::Query (terms, OR, AND, AND_MAYBE,
SYNONYM, scaled weights: what plain word queries parse to). DB is an index folder, a stub file, or
`remote:HOST:PORT,remote:HOST:PORT,...`. Each query's get_mset is timed as newssearch's ranked
search runs it (BM25 k1 1.2, b 0.75; equal scores in article id order; COUNT results, by default
the 40 candidates a page of 10 stories asks for, 10 when copies are not grouped; checking at least 110), one warm-up round then ROUNDS timed rounds;
prints `p50_ms=.. p99_ms=.. mean_ms=..` and then each query's 10 best weights.
"""
import re
import statistics
import sys
import time

import xapian

OPERATORS = {"OR": xapian.Query.OP_OR, "AND": xapian.Query.OP_AND, "AND_MAYBE": xapian.Query.OP_AND_MAYBE,
             "SYNONYM": xapian.Query.OP_SYNONYM}


def parse(description):
    """A Xapian::Query from its get_description() (the subset above)."""
    assert description.startswith("Query(") and description.endswith(")"), description
    tokens = re.findall(r"\(|\)|[^\s()]+", description[len("Query"):])
    pos = 0

    def expression():
        nonlocal pos
        token = tokens[pos]
        if re.fullmatch(r"[0-9.]+", token) and tokens[pos + 1] == "*":
            pos += 2
            return xapian.Query(xapian.Query.OP_SCALE_WEIGHT, expression(), float(token))
        if token == "(":
            pos += 1
            items, operator = [expression()], None
            while tokens[pos] != ")":
                operator = tokens[pos]
                pos += 1
                items.append(expression())
            pos += 1
            return items[0] if len(items) == 1 else xapian.Query(OPERATORS[operator], items)
        pos += 1
        term = re.fullmatch(r"([^@#]+)(?:#(\d+))?(?:@(\d+))?", token)
        return xapian.Query(term.group(1), int(term.group(2) or 1), int(term.group(3) or 0))

    return expression()


def open_database(spec):
    if not spec.startswith("remote:"):
        return xapian.Database(spec)
    database = xapian.Database()
    for part in spec.split(","):
        host, port = part[len("remote:"):].rsplit(":", 1)
        database.add_database(xapian.remote_open(host, int(port)))
    return database


def main():
    parsed, rounds, spec = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 40
    if rounds < 1:
        sys.exit("match_only.py: ROUNDS must be at least 1")
    queries = [line.rstrip("\n").split("\t") for line in open(parsed, encoding="utf-8") if line.strip()]
    queries = [(text, parse(description)) for text, description in queries]
    enquire = xapian.Enquire(open_database(spec))
    enquire.set_weighting_scheme(xapian.BM25Weight(1.2, 0, 1, 0.75, 0.5))
    enquire.set_sort_by_relevance_then_value(0, False)  # schema::slot_article_id
    millis, best = [], []
    for round_ in range(rounds + 1):
        for text, query in queries:
            enquire.set_query(query)
            start = time.perf_counter()
            mset = enquire.get_mset(0, count, 110)
            took = (time.perf_counter() - start) * 1000
            if round_ == 0:
                best.append(text + "\t" + " ".join(f"{item.weight:.6f}" for item in list(mset)[:10]))
            else:
                millis.append(took)
    millis.sort()
    def percentile(p):
        return millis[min(len(millis) - 1, int(p / 100 * (len(millis) - 1) + 0.5))]
    print(f"p50_ms={percentile(50):.3f} p99_ms={percentile(99):.3f} mean_ms={statistics.mean(millis):.3f}")
    print("\n".join(best))


if __name__ == "__main__":
    main()
