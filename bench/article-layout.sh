#!/usr/bin/env bash
# What one Xapian document per article (instead of one per passage) would cost the index side,
# measured against the current layout and scriptindex in one run (docs/BENCHMARKS.md):
#
#   bench/article-layout.sh [1x|10x]      (default 1x)
#
# Checks out HEAD into a scratch work tree, applies bench/article_layout.patch (the document
# builder writes one document per article), builds that newssearch, then runs
# bench/layout_bench.py on the benchmark corpus. Nothing in the repository's own tree changes.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/setup.sh "${1:-1x}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build build --target newssearch >/dev/null
tree="$BENCH_DIR/article-layout-src"
git worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"
git worktree add --quiet --detach "$tree" HEAD
trap 'git worktree remove --force "$tree"' EXIT
git -C "$tree" apply "$PWD/bench/article_layout.patch"
cmake -S "$tree" -B "$tree/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build "$tree/build" --target newssearch >/dev/null
echo "commit: $(git rev-parse --short HEAD), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
python3 bench/layout_bench.py --passage-layout build/newssearch --article-layout "$tree/build/newssearch" \
    --corpus "$corpus"
