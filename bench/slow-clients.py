#!/usr/bin/env python3
"""Slow-client flood: opens N connections that each send half a request header and wait, while
timing GET /health on fresh connections every 200 ms. Prints how long /health took during the
flood, and how many flood connections the server closed at once (over http.maxConnections), after
the header timeout (http.requestHeaderTimeoutSeconds), or not at all.

Usage: bench/slow-clients.py [--port 8080] [--clients 3000] [--seconds 15]
Start the server first (for example CONFIG_FILE=... HTTP_PORT=8080 java -jar ...); raise the
client's own descriptor limit (ulimit -n) above --clients.
"""
import argparse
import selectors
import socket
import statistics
import time

HALF_HEADER = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow"


def health_millis(port):
    started = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            answer = s.recv(64)
            if not answer.startswith(b"HTTP/1.1 200"):
                return None
    except OSError:
        return None
    return (time.monotonic() - started) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--clients", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()

    selector = selectors.DefaultSelector()
    opened_at = {}
    closed_after = []
    refused = 0

    def reap(timeout):
        for key, _ in selector.select(timeout=timeout):
            s = key.fileobj
            try:
                data = s.recv(1024)
            except OSError:
                data = b""
            if not data:
                closed_after.append(time.monotonic() - opened_at.pop(s))
                selector.unregister(s)
                s.close()

    for i in range(args.clients):
        if i % 50 == 0:
            reap(0)
        try:
            s = socket.create_connection(("127.0.0.1", args.port), timeout=5)
            s.sendall(HALF_HEADER)
            s.setblocking(False)
        except OSError:
            refused += 1
            continue
        opened_at[s] = time.monotonic()
        selector.register(s, selectors.EVENT_READ)
    print(f"opened {args.clients - refused} slow clients ({refused} could not connect)")

    timings, failures = [], 0
    end = time.monotonic() + args.seconds
    next_health = time.monotonic()
    while time.monotonic() < end:
        reap(0.05)
        if time.monotonic() >= next_health:
            millis = health_millis(args.port)
            if millis is None:
                failures += 1
            else:
                timings.append(millis)
            next_health = time.monotonic() + 0.2

    at_once = sum(1 for t in closed_after if t < 0.5)
    print(f"closed by the server: {len(closed_after)} ({at_once} within 0.5 s of opening), "
          f"still open after {args.seconds:.0f} s: {len(opened_at)}")
    if closed_after:
        late = [t for t in closed_after if t >= 0.5]
        if late:
            print(f"closed after: median {statistics.median(late):.1f} s, max {max(late):.1f} s")
    if timings:
        timings.sort()
        print(f"/health during the flood: {len(timings)} answered, {failures} failed; "
              f"median {statistics.median(timings):.1f} ms, p99 {timings[int(len(timings) * 0.99) - 1]:.1f} ms, "
              f"max {timings[-1]:.1f} ms")
    else:
        print(f"/health during the flood: none answered, {failures} failed")
    for s in opened_at:
        s.close()


if __name__ == "__main__":
    main()
