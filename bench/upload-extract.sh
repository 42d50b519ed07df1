#!/usr/bin/env bash
# Upload-and-extract benchmark: builds the test classpath, then runs UploadExtractBench in its own JVM.
# Options: -Dbench.files=40 -Dbench.concurrency=4 (pass them as BENCH_OPTS).
set -euo pipefail
exec "$(dirname "$0")/run-java.sh" org.rapporteur.bench.UploadExtractBench
