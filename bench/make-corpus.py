#!/usr/bin/env python3
"""Builds the benchmark corpus from the public collections in /work/shared/data.

Writes, under BENCH_DIR (default /tmp/newssearch-bench):
  corpus-1x/reuters/NNNNN.txt    one Reuters-21578 article per file (records with text)
  corpus-1x/bbc/CATEGORY/NNN.txt  the BBC articles
  corpus-10x/copy-K/...           ten copies of corpus-1x (distinct paths, so distinct ids)
Every file is UTF-8: the title on the first line, then "Published YYYY-MM-DD" when the article has
a date (Reuters), a blank line, and one paragraph per line.
Usage: bench/make-corpus.py [--data DIR] [--copies N]   (N = 1: corpus-1x alone)
"""
import argparse
import html
import os
import re
import shutil
from pathlib import Path

MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
RECORD = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)


def tag(record, name):
    match = re.search(rf"<{name}>(.*?)</{name}>", record, re.S)
    return match.group(1) if match else ""


def unescape(text):
    # Control-character entities (&#2; &#3; ...) are transmission noise, not text.
    text = re.sub(r"&#(\d+);", lambda m: "" if int(m.group(1)) < 32 else m.group(0), text)
    return html.unescape(text)


def paragraphs(body):
    """Reuters bodies are wrapped at ~70 columns; an indented line starts a paragraph."""
    result, current = [], []
    for line in body.split("\n"):
        if (line.startswith("    ") or not line.strip()) and current:
            result.append(" ".join(current))
            current = []
        if line.strip():
            current.append(line.strip())
    if current:
        result.append(" ".join(current))
    return [p for p in result if p and p.lower() not in ("reuter", "reuters")]


def iso_date(text):
    match = re.match(r"\s*(\d{1,2})-([A-Z]{3})-(\d{4})", text)
    if not match or match.group(2) not in MONTHS:
        return ""
    return f"{match.group(3)}-{MONTHS[match.group(2)]:02d}-{int(match.group(1)):02d}"


def reuters(data, out):
    count = 0
    for sgm in sorted((data / "reuters21578").glob("reut2-*.sgm")):
        text = sgm.read_bytes().decode("latin-1")
        for newid, record in RECORD.findall(text):
            body = tag(record, "BODY")
            if not body:  # UNPROC records: the text without its tags
                body = re.sub(r"<[^>]+>", " ", tag(record, "TEXT") if "<TEXT" in record else "")
                body = re.sub(r"^.*?<TEXT[^>]*>", "", body, flags=re.S)
            lines = paragraphs(unescape(body))
            if not lines:
                continue
            title = " ".join(unescape(tag(record, "TITLE")).split()) or lines[0][:80]
            date = iso_date(tag(record, "DATE"))
            header = [title] + ([f"Published {date}"] if date else [])
            path = out / "reuters" / f"{int(newid):05d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(header + [""] + lines) + "\n", encoding="utf-8")
            count += 1
    return count


def bbc(data, out):
    count = 0
    for source in sorted((data / "bbc").glob("*/*.txt")):
        raw = source.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # sport/199.txt has one Latin-1 byte
            text = raw.decode("latin-1")
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if len(lines) < 2:
            continue
        path = out / "bbc" / source.parent.name / source.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join([lines[0], ""] + lines[1:]) + "\n", encoding="utf-8")
        count += 1
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/work/shared/data", type=Path)
    parser.add_argument("--copies", default=10, type=int)
    args = parser.parse_args()
    if args.copies < 1:
        parser.error("--copies must be 1 or more")
    bench = Path(os.environ.get("BENCH_DIR", "/tmp/newssearch-bench"))
    one = bench / "corpus-1x"
    shutil.rmtree(one, ignore_errors=True)
    counts = (reuters(args.data, one), bbc(args.data, one))
    print(f"{one}: {counts[0]} Reuters + {counts[1]} BBC = {sum(counts)} articles")
    if args.copies == 1:
        return
    many = bench / f"corpus-{args.copies}x"
    shutil.rmtree(many, ignore_errors=True)
    for copy in range(args.copies):
        shutil.copytree(one, many / f"copy-{copy}")
    print(f"{many}: {args.copies} copies, {args.copies * sum(counts)} articles")


if __name__ == "__main__":
    main()
