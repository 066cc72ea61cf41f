#!/usr/bin/env bash
# HTTP service load: indexes the BBC corpus into a temporary database, starts `newssearch serve`
# with 1, 2 and 4 worker threads on loopback, drives each with wrk (bench/load/search_mix.lua: a
# mix of searches, type-ahead and page-two requests made from BBC titles), and reports requests/s,
# p99 latency, errors, the server's CPU use and its RSS before and after. For comparison, the same
# searches run through the command-line program (one process per query, what a CGI wrapper does).
#
#   bench/load/run.sh [--duration SECONDS] [--soak] [BBC_DIR]
#
#   --duration S   seconds of load per thread count (default 20)
#   --soak         instead: 5 minutes at 2 threads, RSS sampled every 10 s (memory growth check)
#   BBC_DIR        default: ../shared/data/bbc beside the repository
#
# Needs a built tree (build/newssearch) and wrk. Work files go to build/bench-load/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
ns="$root/build/newssearch"
work="$root/build/bench-load"
duration=20
soak=0
bbc="$root/../shared/data/bbc"
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --soak) soak=1; shift ;;
        -*) echo "usage: bench/load/run.sh [--duration SECONDS] [--soak] [BBC_DIR]" >&2; exit 2 ;;
        *) bbc=$1; shift ;;
    esac
done
source bench/load/setup.sh

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)

load() { # threads seconds -> wrk output in $work/wrk-THREADS.txt
    local connections=$1 wrk_threads=$(( $1 < 2 ? $1 : 2 ))
    NEWSSEARCH_QUERIES="$work/queries.txt" run wrk -t"$wrk_threads" -c"$connections" -d"$2s" --latency \
        -s bench/load/search_mix.lua "http://127.0.0.1:$port" >"$work/wrk-$1.txt"
}

if [ "$soak" = 1 ]; then
    start_server 2
    echo "seconds,rss_kb" >"$work/soak.csv"
    NEWSSEARCH_QUERIES="$work/queries.txt" run wrk -t2 -c2 -d300s --latency -s bench/load/search_mix.lua \
        "http://127.0.0.1:$port" >"$work/wrk-soak.txt" &
    wrk_pid=$!
    for s in $(seq 0 10 300); do
        echo "$s,$(rss_kb "$pid")" >>"$work/soak.csv"
        sleep 10
    done
    wait "$wrk_pid"
    stop_server
    cat "$work/soak.csv"
    grep -E "Requests/sec|99%|Non-2xx|Socket errors" "$work/wrk-soak.txt" || true
    exit 0
fi

echo "| worker threads | connections | requests/s | p99 latency (wrk) | p99 in server | errors | server CPU (cores) | RSS before → after load |"
echo "|---|---|---|---|---|---|---|---|"
for threads in 1 2 4; do
    start_server "$threads"
    load "$threads" 3 # warm-up: caches, thread-local searchers
    rss_before=$(rss_kb "$pid")
    ticks_before=$(cpu_ticks "$pid")
    log_lines=$(wc -l <"$work/serve-$threads.log")
    load "$threads" "$duration"
    ticks_after=$(cpu_ticks "$pid")
    rss_after=$(rss_kb "$pid")
    stop_server
    out="$work/wrk-$threads.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$out")
    p99=$(awk '$1 == "99%" {print $2}' "$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$out")
    socket=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
    # Time spent inside the server per request (its access log), without the client's share.
    server_p99=$(tail -n +"$((log_lines + 1))" "$work/serve-$threads.log" | awk '$3 == "GET" {sub("ms", "", $NF); print $NF}' |
        sort -n | awk '{a[NR] = $1} END {i = int(NR * 0.99); if (i < 1) i = 1; if (NR) print a[i] "ms"}')
    cores=$(echo "scale=2; ($ticks_after - $ticks_before) / $ticks_per_second / $duration" | bc)
    echo "| $threads | $threads | $rps | $p99 | $server_p99 | $(( ${non2xx:-0} + ${socket:-0} )) | $cores | $(( rss_before / 1024 )) MB → $(( rss_after / 1024 )) MB |"
done

# The same searches through the command-line program, one process per query.
head -n 100 "$work/queries.txt" >"$work/cli-queries.txt"
start=$(date +%s.%N)
while IFS= read -r query; do
    "$ns" --db "$work/db" --json -n 10 "$query" >/dev/null
done <"$work/cli-queries.txt"
cli_seconds=$(echo "$(date +%s.%N) - $start" | bc)
echo "for query in \$(head -n 100 queries.txt); newssearch --db DB --json -n 10 QUERY" >>"$work/commands.log"
echo
echo "command line, one process per query: $(echo "scale=1; 100 / $cli_seconds" | bc) queries/s (100 queries in ${cli_seconds} s)"
