#!/usr/bin/env bash
# Browser replay benchmark: a page that lost its link gets N missed chat messages as one replay; prints how
# long Chromium takes to show them all and the longest main-thread task meanwhile (ChatReplayBench).
#
#   bench/chat-replay-bench.sh                         # 2,000 missed messages, the chat.js of the working tree
#   bench/chat-replay-bench.sh --compare ab7208e       # the same, then with the chat.js of an earlier commit
#   BENCH_OPTS=-Dbench.missed=500 bench/chat-replay-bench.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
opts=()
if [[ "${1:-}" == "--compare" ]]; then
  cd "$here/.."
  mkdir -p target
  git show "$2:webroot/app/chat.js" > "target/chat-$2.js"
  opts+=("-Dbench.compare=target/chat-$2.js")
fi
exec "$here/run-java.sh" org.rapporteur.bench.ChatReplayBench ${opts[@]+"${opts[@]}"}
