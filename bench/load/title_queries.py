#!/usr/bin/env python3
"""Queries a reader would type, for the load benchmarks: the first one to three words of each
BBC title (the first line of each .txt file under BBC_DIR), no punctuation, one per line.

    python3 bench/load/title_queries.py BBC_DIR > queries.txt
"""
import os
import re
import sys

titles = []
for folder, _, files in sorted(os.walk(sys.argv[1])):
    for name in sorted(files):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="latin-1") as f:
                titles.append(f.readline().strip())
for i, title in enumerate(titles):
    words = [w for w in re.findall(r"[A-Za-z0-9']+", title) if w.upper() not in ("AND", "OR", "NOT")]
    if words:
        print(" ".join(words[: 1 + i % 3]))
