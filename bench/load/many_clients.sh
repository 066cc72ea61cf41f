#!/usr/bin/env bash
# Many clients at once against `newssearch serve` at its default worker count, on loopback:
#  1. keep-alive load: wrk with 2 connections, then 200, alternating (--rounds times), each for
#     --duration seconds: requests/s, p99, the slowest request and timeouts;
#  2. misbehaving clients: bench/load/slow_clients.py with 50 and 1000 connections sending their
#     headers a byte a second, while /healthz is probed.
# The targets it checks: with 200 connections no timeout, no request over 1 s and at least the
# requests/s of 2 connections; /healthz p99 under 100 ms beside the slow clients.
#
#   bench/load/many_clients.sh [--duration SECONDS] [--rounds N] [BBC_DIR]
#
# Needs a built tree (build/newssearch), wrk and python3. Work files go to build/bench-load/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
ns="$root/build/newssearch"
work="$root/build/bench-load"
duration=30
rounds=2
bbc="$root/../shared/data/bbc"
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        -*) echo "usage: bench/load/many_clients.sh [--duration SECONDS] [--rounds N] [BBC_DIR]" >&2; exit 2 ;;
        *) bbc=$1; shift ;;
    esac
done
source bench/load/setup.sh
start_server

# wrk's text output to: requests/s p99 max timeouts (times in ms).
summarise() {
    python3 -c '
import re, sys
text = sys.stdin.read()
def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rate = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))  # not the "+/- Stdev" column
slowest = ms(re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", text).group(1))
timeouts = re.search(r"timeout (\d+)", text)
print(rate, round(p99, 1), round(slowest, 1), timeouts.group(1) if timeouts else 0)'
}

echo "| round | connections | requests/s | p99 (ms) | slowest (ms) | timeouts |"
echo "|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
    for connections in 2 200; do
        out="$work/wrk-$round-$connections.txt"
        NEWSSEARCH_QUERIES="$work/queries.txt" wrk -t2 -c"$connections" -d"${duration}s" --latency \
            --timeout 5s -s bench/load/search_mix.lua "http://127.0.0.1:$port" >"$out"
        read -r rate p99 slowest timeouts < <(summarise <"$out")
        echo "| $round | $connections | $rate | $p99 | $slowest | $timeouts |"
    done
done
echo
for clients in 50 1000; do
    python3 bench/load/slow_clients.py --port "$port" --clients "$clients" --seconds 20 --mode slow-header 2>&1 | tail -1
done
