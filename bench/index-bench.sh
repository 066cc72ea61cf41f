#!/usr/bin/env bash
# Indexing and query-latency benchmark of newssearch against scriptindex/quest and
# recollindex/recollq on the Reuters-21578 + BBC articles (docs/BENCHMARKS.md).
#
#   bench/index-bench.sh [1x|10x]      (default 1x; 10x: ten copies of every article)
#   ROUNDS=N bench/index-bench.sh ...  (default 3: every indexer runs N times, alternating;
#                                       ratios are the median of the rounds')
#
# Installs the peers (scripts/install-deps --bench), builds the corpus into $BENCH_DIR (default
# /tmp/newssearch-bench) when missing, builds newssearch and bench/query_latency into build/, then
# runs bench/index_bench.py; its work files (indexes, dump, queries, logs) go to
# $BENCH_DIR/corpus-SCALE-work.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/setup.sh "${1:-1x}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSSEARCH_BUILD_BENCH=ON "${launcher[@]}" >/dev/null
cmake --build build --target newssearch query_latency >/dev/null
echo "commit: $(git rev-parse --short HEAD), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
python3 bench/index_bench.py --newssearch build/newssearch --query-latency build/bench/query_latency \
    --corpus "$corpus" --rounds "${ROUNDS:-3}"
