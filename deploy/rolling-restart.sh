#!/usr/bin/env bash
# Restarts the Rapporteur nodes one at a time, losing no chat message (docs/cluster.md, "Rolling restart").
# For each node in the order given: check that every node is ready, restart its systemd unit (SIGTERM: the
# node answers /health/ready 503 at once, HAProxy takes it out within 2 s, after shutdown.unreadySeconds its
# WebSockets close with 1012 and browsers reconnect to the others; systemctl waits for the exit), then wait
# until the node answers /health/ready again, counts every node in /health, and HAProxy's rise checks have
# passed, before the next. Stops at the first node that does not come back.
#
#   deploy/rolling-restart.sh 10.0.0.11 10.0.0.12 10.0.0.13        # one node per host, port 8080, over ssh
#   deploy/rolling-restart.sh 10.0.0.11:8080 10.0.0.12:8080         # host:port
#   RESTART_COMMAND='sudo systemctl restart rapporteur-node@{port}' deploy/rolling-restart.sh 127.0.0.1:8081 127.0.0.1:8082
#
# RESTART_COMMAND: run for each node, {host} and {port} replaced (default: ssh to the host and restart the
# rapporteur-node unit). READY_SECONDS (300): how long a node may take to be ready again. RISE_SECONDS (3):
# HAProxy's rise × inter in deploy/haproxy.cfg (2 × 1 s), with a second to spare.
set -euo pipefail

RESTART_COMMAND=${RESTART_COMMAND:-'ssh -o BatchMode=yes {host} sudo systemctl restart rapporteur-node'}
READY_SECONDS=${READY_SECONDS:-300}
RISE_SECONDS=${RISE_SECONDS:-3}

if [[ $# -eq 0 ]]; then
  echo "usage: $0 host[:port] host[:port] ... (every node of the cluster, in the order to restart them)" >&2
  exit 2
fi
nodes=()
for node in "$@"; do
  [[ $node == *:* ]] || node="$node:8080"
  nodes+=("$node")
done

status() { # host:port path -> the HTTP status, 000 when it does not answer
  curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://$1$2" || true
}

members() { # host:port -> the cluster members this node counts in /health, 0 when it does not answer
  local body
  body=$(curl -s --max-time 3 "http://$1/health" || true)
  [[ $body =~ \"members\":([0-9]+) ]] && echo "${BASH_REMATCH[1]}" || echo 0
}

# Until every node is ready and counts them all, at most READY_SECONDS.
await_all_ready() {
  local deadline=$((SECONDS + READY_SECONDS)) node waiting
  while ((SECONDS < deadline)); do
    waiting=""
    for node in "${nodes[@]}"; do
      if [[ $(status "$node" /health/ready) != 200 || $(members "$node") != "${#nodes[@]}" ]]; then
        waiting="$node"
        break
      fi
    done
    [[ -z $waiting ]] && return 0
    sleep 1
  done
  echo "$waiting is not ready or does not count ${#nodes[@]} members after ${READY_SECONDS} s: stopping here" >&2
  return 1
}

await_all_ready
for node in "${nodes[@]}"; do
  host=${node%:*}
  port=${node##*:}
  command=${RESTART_COMMAND//\{host\}/$host}
  command=${command//\{port\}/$port}
  echo "$(date -u +%H:%M:%S) restarting $node: $command"
  started=$SECONDS
  bash -c "$command"
  await_all_ready
  sleep "$RISE_SECONDS"
  echo "$(date -u +%H:%M:%S) $node is back ($((SECONDS - started)) s); every node ready"
done
echo "Restarted ${#nodes[@]} nodes, one at a time."
