#!/usr/bin/env bash
# Hostile search benchmark: 40 clients at once send copies of hostile queries (the security review's
# 40 fuzzy terms, leading wildcards, regexps, nested parentheses, 4,000 characters) and print each
# shape's statuses and p50/p99/max latency, then the p99 over all of them (SearchHostileBench).
#   bench/search-hostile.sh
#   BENCH_OPTS="-Dbench.concurrency=40 -Dbench.rounds=10 -Dbench.documents=40" bench/search-hostile.sh
set -euo pipefail
exec "$(dirname "$0")/run-java.sh" org.rapporteur.bench.SearchHostileBench
