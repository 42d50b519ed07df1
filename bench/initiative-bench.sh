#!/usr/bin/env bash
# Regional initiatives benchmark: builds the test classpath, then runs InitiativeBench in its own JVM.
# Options: -Dbench.projects=1000 -Dbench.requests=40 (pass them as BENCH_OPTS).
set -euo pipefail
BENCH_MVN_FLAGS="${BENCH_MVN_FLAGS:--o}" exec "$(dirname "$0")/run-java.sh" org.rapporteur.bench.InitiativeBench
