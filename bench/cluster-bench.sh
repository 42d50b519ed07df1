#!/usr/bin/env bash
# Chat through HAProxy against one node and against three (BENCHMARKS.md, "Cluster"): the database as a
# process of its own (--database-only), the nodes (-Xmx384m each) and HAProxy on loopback, N clients in one
# room (round robin over the nodes), S senders sending M messages/s in all. Prints a Markdown table.
# Needs /usr/sbin/haproxy. On a two-core machine this measures what crossing nodes costs, not a speed-up.
#
#   bench/cluster-bench.sh                                     # 1 and 3 nodes, 300 clients, 10 messages/s from 20 senders, 30 s
#   bench/cluster-bench.sh --nodes 3 --clients 600 --rate 20 --warmup 30 --seconds 60
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f target/rapporteur.jar || ! -d target/test-classes ]]; then
  mvn -B -q package -DskipTests
fi
exec java -Xmx512m -cp target/rapporteur.jar:target/test-classes org.rapporteur.bench.ClusterBench "$@"
