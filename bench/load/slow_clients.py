#!/usr/bin/env python3
"""Slow and idle clients against a running `newssearch serve`: opens N connections that send their
request headers one byte per second (or connect and send nothing, or hold an idle keep-alive
connection after one request), and meanwhile probes /healthz on fresh connections, printing the
probes' latency (p50, p99, max) and how many failed. Also sends one request with 64 KB and one with
1 MB of headers and prints the status of each.

    bench/load/slow_clients.py --port 8080 --clients 50 --seconds 10 --mode slow-header
"""
import argparse
import http.client
import socket
import statistics
import threading
import time


def slow_header(port, stop):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 10000
        for byte in request:
            if stop.is_set():
                break
            s.sendall(bytes([byte]))
            time.sleep(1)
        s.close()
    except OSError:
        pass


def silent(port, stop):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        stop.wait()
        s.close()
    except OSError:
        pass


def idle_keep_alive(port, stop):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        c.request("GET", "/healthz")
        c.getresponse().read()
        stop.wait()
        c.close()
    except OSError:
        pass


def big_headers(port, size):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * size + b"\r\n\r\n"
    def send():
        try:
            s.sendall(request)
        except OSError:
            pass

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    except OSError as e:
        return "error: %s" % e
    s.close()
    return data.split(b"\r\n")[0].decode(errors="replace") or "connection closed without an answer"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--mode", choices=["slow-header", "silent", "idle-keep-alive"], default="slow-header")
    args = parser.parse_args()

    for size in (64 * 1024, 1024 * 1024):
        print("%7d bytes of headers: %s" % (size, big_headers(args.port, size)))

    stop = threading.Event()
    target = {"slow-header": slow_header, "silent": silent, "idle-keep-alive": idle_keep_alive}[args.mode]
    threads = [threading.Thread(target=target, args=(args.port, stop), daemon=True) for _ in range(args.clients)]
    for t in threads:
        t.start()
    time.sleep(1)
    latencies, failures = [], 0
    end = time.monotonic() + args.seconds
    while time.monotonic() < end:
        start = time.monotonic()
        try:
            c = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
            c.request("GET", "/healthz")
            if c.getresponse().status != 200:
                failures += 1
            c.close()
            latencies.append((time.monotonic() - start) * 1000)
        except OSError:
            failures += 1
        time.sleep(0.05)
    stop.set()
    latencies.sort()
    if latencies:
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        print("%s x%d: %d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d failed"
              % (args.mode, args.clients, len(latencies), statistics.median(latencies), p99, latencies[-1], failures))
    else:
        print("%s x%d: no probe answered, %d failed" % (args.mode, args.clients, failures))


if __name__ == "__main__":
    main()
