#!/usr/bin/env bash
# Browser replay benchmark: a page that lost its link gets N missed chat messages as one replay; prints how
# long Chromium takes to show them all and the longest main-thread task meanwhile (ChatReplayBench).
#
#   bench/chat-replay-bench.sh                         # 2,000 missed messages, the chat.js of the working tree
#   bench/chat-replay-bench.sh --compare ab7208e       # the same, then with the chat.js of an earlier commit
#   BENCH_OPTS=-Dbench.missed=500 bench/chat-replay-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
opts=()
if [[ "${1:-}" == "--compare" ]]; then
  mkdir -p target
  git show "$2:webroot/app/chat.js" > "target/chat-$2.js"
  opts+=("-Dbench.compare=target/chat-$2.js")
fi
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xmx1g ${BENCH_OPTS:-} "${opts[@]}" -Dvertx.cacheDirBase=target/vertx-cache \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.rapporteur.bench.ChatReplayBench
