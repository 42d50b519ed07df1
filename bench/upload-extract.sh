#!/usr/bin/env bash
# Upload-and-extract benchmark: builds the test classpath, then runs UploadExtractBench in its own JVM.
# Options: -Dbench.files=40 -Dbench.concurrency=4 (pass them as BENCH_OPTS).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xmx1g ${BENCH_OPTS:-} -Dvertx.cacheDirBase=target/vertx-cache \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.rapporteur.bench.UploadExtractBench
