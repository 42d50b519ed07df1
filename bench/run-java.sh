#!/usr/bin/env bash
# Runs one benchmark class of src/test/java in its own JVM on the test classpath, after compiling:
#   bench/run-java.sh org.rapporteur.bench.SomeBench [JVM options before the class...]
# BENCH_OPTS adds JVM options; BENCH_MVN_FLAGS adds Maven flags (-o to build offline).
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1
shift
mvn -q -B ${BENCH_MVN_FLAGS:-} test-compile
mvn -q -B ${BENCH_MVN_FLAGS:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xmx1g ${BENCH_OPTS:-} "$@" -Dvertx.cacheDirBase=target/vertx-cache \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$main"
