# Sourced by the indexing benchmark (bench/index-bench.sh) from the
# repository root with the scale as $1: installs the peers (scripts/install-deps --bench), builds
# the benchmark corpus into $BENCH_DIR (default /tmp/newssearch-bench) when missing, and sets
# `scale`, `corpus` and `launcher` (ccache for CMake, when installed).
scale=${1:-1x}
export BENCH_DIR=${BENCH_DIR:-/tmp/newssearch-bench}
scripts/install-deps --bench
corpus="$BENCH_DIR/corpus-$scale"
[ -d "$corpus" ] || python3 bench/make-corpus.py --copies "$([ "$scale" = 1x ] && echo 1 || echo "${scale%x}")"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
