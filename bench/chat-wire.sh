#!/usr/bin/env bash
# What following a meeting's chat costs each participant on the wire: N participants in Chromium (the real
# page, its WebSocket with permessage-deflate as Chromium negotiates it) behind a counting TCP proxy, one
# message a second from the chair; prints WebSocket bytes and kbit/s per participant against the 1 kbit/s
# target (ChatWireBench). Needs /usr/bin/chromium.
#
#   bench/chat-wire.sh                                                   # 5 participants, 60 s
#   BENCH_OPTS="-Dbench.participants=7 -Dbench.seconds=120" bench/chat-wire.sh
set -euo pipefail
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec "$(cd "$(dirname "$0")" && pwd)/run-java.sh" org.rapporteur.bench.ChatWireBench
