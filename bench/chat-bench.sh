#!/usr/bin/env bash
# Chat load benchmark: Rapporteur (embedded database, every message stored before its ack) against
# a bare Vert.x broadcast server with no storage, for N clients in one room at M messages/s.
# Each server runs in its own JVM pinned to core 0 (taskset -c 0); the load generator is pinned to
# core 1. Loopback only. Results go to stdout as a Markdown table (copy them into BENCHMARKS.md).
#
#   bench/chat-bench.sh                                  # N = 100, 1000, 1000, 5000 at M = 100, 100, 20, 20, 30 s each
#   bench/chat-bench.sh --clients 100 --rates 50 --seconds 5 --warmup 10
#   bench/chat-bench.sh --batch false        # clients that do not ask for 'events' frames
#   bench/chat-bench.sh --bare false         # Rapporteur only (e.g. while profiling with BENCH_SERVER_OPTS)
#   bench/chat-bench.sh --database-core 1   # the embedded database as a process of its own on core 1, beside
#                                           # the load generator (as MongoDB runs beside the application),
#                                           # ahead of it in the scheduler (nice -10, when run as root)
#   bench/chat-bench.sh --fsync false       # the embedded database without a disk flush per write (mongo.embeddedFsync)
#   bench/chat-bench.sh --timeline t.tsv    # per 10 ms of send time: deliveries, late ones, worst latency
# Each case sends for at least --warmup seconds (120 by default: the JIT shares the server's one core and is
# still compiling at 40 s), then until the JIT of the server, of the database process and of the load generator
# compiled less than 0.25 s each in 10 s (jstat -compiler), at most --max-warmup seconds (600), before measuring.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f target/rapporteur.jar || ! -d target/test-classes ]]; then
  mvn -B -q package -DskipTests
fi
args=("$@")
if [[ ${#args[@]} -eq 0 ]]; then
  args=(--clients 100,1000,1000,5000 --rates 100,100,20,20 --seconds 30)
fi
# BENCH_SERVER_OPTS, BENCH_DATABASE_OPTS and BENCH_LOAD_OPTS add JVM options (GC or compilation logs) to the
# server, the database process and the load generator. The load generator compiles its hot code early
# (CompileThresholdScaling): its send path runs only M times a second and would otherwise reach the
# optimizing compiler minutes in, while measuring, and stamp a second of deliveries late.
exec taskset -c 1 java -Xmx1g -XX:CompileThresholdScaling=0.1 ${BENCH_LOAD_OPTS:-} -cp target/rapporteur.jar:target/test-classes org.rapporteur.bench.ChatBench "${args[@]}"
