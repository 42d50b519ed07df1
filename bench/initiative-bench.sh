#!/usr/bin/env bash
# Regional initiatives benchmark: builds the test classpath, then runs InitiativeBench in its own JVM.
# Options: -Dbench.projects=1000 -Dbench.requests=40 (pass them as BENCH_OPTS).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xmx1g ${BENCH_OPTS:-} -Dvertx.cacheDirBase=target/vertx-cache \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.rapporteur.bench.InitiativeBench
