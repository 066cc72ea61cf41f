#!/usr/bin/env python3
"""Query throughput and latency of one database vs 3 local shards vs 3 remote shards (xapian-tcpsrv
on loopback), on the BBC corpus. One client, one `newssearch search` process per query, as a user
or a script would run it; each configuration answers the same queries in the same run.

usage: bench/shards/bench.py NEWSSEARCH_BINARY BBC_FOLDER [ROUNDS]
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

QUERIES = [
    "economy growth", "film award", "election Labour", "mobile phone", "football club", "shares profits",
    '"prime minister"', "Blair OR Brown", "music -Oscar", "title:Chelsea", "interest rates", "Microsoft",
    "broadband", "tax", "oil prices", "Iraq OR Afghanistan", "games console", "virus email", "Yukos",
    "world cup", "house prices", "DVD sales", "rugby Wales", "Apple iPod", "budget deficit",
    "Oscar nominations", "jobs unemployment", "China exports", "tennis Australian Open", "internet search",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port):
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"xapian-tcpsrv on port {port} did not start")


def measure(binary, db, rounds):
    latencies = []
    started = time.perf_counter()
    for _ in range(rounds):
        for query in QUERIES:
            t0 = time.perf_counter()
            subprocess.run([binary, "search", "--db", db, "--json", "-n", "20", query],
                           check=True, stdout=subprocess.DEVNULL)
            latencies.append(time.perf_counter() - t0)
    total = time.perf_counter() - started
    latencies.sort()
    p50 = latencies[len(latencies) // 2]
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / total, p50 * 1000, p99 * 1000


def main():
    binary, bbc = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    work = tempfile.mkdtemp(prefix="newssearch-bench-shards-")
    servers = []
    try:
        single, sharded = os.path.join(work, "single"), os.path.join(work, "sharded")
        for db, extra in ((single, []), (sharded, ["--shards", "3"])):
            subprocess.run([binary, "index", "-q", "--db", db, *extra, bbc], stderr=subprocess.DEVNULL)
        ports = []
        for i in range(3):
            port = free_port()
            servers.append(subprocess.Popen(
                ["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(port),
                 os.path.join(sharded, f"shard-{i}")], start_new_session=True, stderr=subprocess.DEVNULL))
            wait_listening(port)
            ports.append(port)
        stub = os.path.join(work, "remote.stub")
        with open(stub, "w") as out:
            out.writelines(f"remote 127.0.0.1:{port}\n" for port in ports)

        configs = [("1 database", single), ("3 local shards", sharded), ("3 remote shards (xapian-tcpsrv)", stub)]
        for _, db in configs:  # warm the page cache
            subprocess.run([binary, "search", "--db", db, "warm up"], stdout=subprocess.DEVNULL)
        results = [(name, *measure(binary, db, rounds)) for name, db in configs]
        base_qps = results[0][1]
        base_p99 = results[0][3]
        print(f"{len(QUERIES)} queries x {rounds} rounds, one client, top 20 as JSON")
        print("| index | queries/s | p50 ms | p99 ms | throughput vs 1 db | p99 vs 1 db |")
        print("|---|---|---|---|---|---|")
        for name, qps, p50, p99 in results:
            print(f"| {name} | {qps:.1f} | {p50:.1f} | {p99:.1f} | {qps / base_qps:.2f}x | {p99 / base_p99:.2f}x |")
    finally:
        for server in servers:
            os.killpg(server.pid, 15)
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
