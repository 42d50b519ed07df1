#!/usr/bin/env bash
# Chat through HAProxy against one node and against three, in one run (BENCHMARKS.md, "Cluster"): the
# database as a process of its own (--database-only), the nodes (-Xmx384m each) and HAProxy on loopback, N
# clients in one room (round robin over the nodes), S senders sending M messages/s in all. Prints a Markdown
# table (deliveries per second, p50, p99, max for each) and the ratio of the last row to the first.
# Needs /usr/sbin/haproxy. On a two-core machine this measures what crossing nodes costs, not a speed-up.
#
#   bench/cluster-bench.sh                                     # 1 and 3 nodes, 300 clients, 10 messages/s from 20 senders, 30 s
#   bench/cluster-bench.sh --clients 60 --warmup 5 --seconds 10        # a short run, to see that it works
#   bench/cluster-bench.sh --nodes 3 --clients 600 --rate 20 --warmup 30 --seconds 60
# BENCH_MVN_FLAGS adds Maven flags (default -o: build offline); BENCH_OPTS adds JVM options to the load generator.
set -euo pipefail
cd "$(dirname "$0")/.."
# The test classpath (the nodes start from it too), so the run measures the working tree as it is.
mvn -B -q ${BENCH_MVN_FLAGS:--o} test-compile
mvn -B -q ${BENCH_MVN_FLAGS:--o} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xmx512m -Dvertx.cacheDirBase=target/vertx-cache ${BENCH_OPTS:-} \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" org.rapporteur.bench.ClusterBench "$@"
