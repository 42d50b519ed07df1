#!/usr/bin/env bash
# Page loads on a slow 3G link in Chromium (DevTools throttling: 400 ms latency, 50,000 bytes/s each way),
# signed in, cold and warm, for the groups, group, meeting and light-view pages of the demo data. Prints a
# Markdown table of medians (copy it into BENCHMARKS.md). Needs /usr/bin/chromium.
#
#   bench/page-load.sh                                  # 3 runs of each page
#   BENCH_OPTS="-Dbench.runs=5 -Dbench.verbose=true" bench/page-load.sh   # every response on stderr
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec java -Xmx1g -Dvertx.cacheDirBase=target/vertx-cache ${BENCH_OPTS:-} \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" org.rapporteur.bench.PageLoadBench "$@"
