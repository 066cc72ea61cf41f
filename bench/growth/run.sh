#!/usr/bin/env bash
# Growth curve of indexing and search, newssearch beside scriptindex/quest (docs/BENCHMARKS.md):
#
#   bench/growth/run.sh                 (scales 1x, 10x, 50x of Reuters-21578: up to 952,150 articles)
#   SCALES=1,10 bench/growth/run.sh     (other scales)
#   SCALES=50 bench/growth/run.sh --side-by-side --keep   (growth.py's options pass through)
#
# Installs the peers, builds the 1x corpus when missing (bench/make-corpus.py), builds newssearch
# and bench/query_latency into build/, then runs bench/growth/growth.py, which writes the plot to
# docs/benchmarks/growth.svg. The 50x step needs about 20 GB of free disk under $BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/setup.sh 1x
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSSEARCH_BUILD_BENCH=ON "${launcher[@]}" >/dev/null
cmake --build build --target newssearch query_latency >/dev/null
echo "commit: $(git rev-parse --short HEAD), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
python3 bench/growth/growth.py --newssearch build/newssearch --query-latency build/bench/query_latency \
    --reuters "$BENCH_DIR/corpus-1x/reuters" --scales "${SCALES:-1,10,50}" \
    --work "$BENCH_DIR/growth" --plot docs/benchmarks/growth.svg "$@"
