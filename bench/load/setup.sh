# Sourced by the load benchmarks (bench/load/run.sh, bench/load/many_clients.sh) from the
# repository root, once they have read their options into `ns` (the program), `work` (their work
# folder) and `bbc` (the corpus): checks what they need, indexes the BBC corpus into $work/db,
# writes the title queries to $work/queries.txt, and defines the commands both use.
[ -x "$ns" ] || { echo "build newssearch first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (scripts/install-deps --bench)" >&2; exit 1; }
[ -d "$bbc" ] || [ "$bbc" != "$root/../shared/data/bbc" ] || bbc="$root/../../shared/data/bbc"
[ -d "$bbc" ] || { echo "no BBC corpus at $bbc" >&2; exit 1; }
mkdir -p "$work"
: >"$work/commands.log"
run() { echo "$*" >>"$work/commands.log"; "$@"; }

# Exit 3: some file skipped (the BBC set has one that is not UTF-8), the rest indexed.
start=$(date +%s.%N)
rm -rf "$work/db" # a fresh index: one left by an older build may have another schema
run "$ns" index --db "$work/db" "$bbc" >/dev/null 2>"$work/index.log" || [ $? -eq 3 ]
echo "indexed $bbc in $(echo "$(date +%s.%N) - $start" | bc) s" >&2

# Queries a reader would type: the first words of each BBC title.
python3 bench/load/title_queries.py "$bbc" >"$work/queries.txt"
echo "$(wc -l <"$work/queries.txt") queries from titles" >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

pid=""
stop_server() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    pid=""
}
trap stop_server EXIT

start_server() { # [THREADS] (none: the program's default); sets pid and port, logs to serve-THREADS.log
    port=$(free_port)
    local threads=()
    if [ -n "${1:-}" ]; then threads=(--threads "$1"); fi
    echo "$ns serve --db $work/db --port $port ${threads[*]}" >>"$work/commands.log"
    "$ns" serve --db "$work/db" --port "$port" "${threads[@]}" 2>"$work/serve-${1:-default}.log" &
    pid=$!
    for _ in $(seq 100); do
        curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "the server did not start" >&2
    exit 1
}
