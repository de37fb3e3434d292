#!/usr/bin/env bash
# Runs bench/bulk-benchmark.sh end to end on a system of its own: did-inventory-service and audit-service from
# their built jars, on fresh databases and on a topic of their own (so neither the platform's topic nor its
# history is involved), over the Kafka broker at KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092, as bin/kafka
# starts it). Then stops both services, runs bench/storage-floor.sh on the two databases (the ceiling any
# implementation keeping the same rows could reach) and drops the databases (kept when KEEP_DATABASES is set).
#
#   ./mvnw -q package -DskipTests && did-inventory-service/bench/bulk-end-to-end.sh [N]
#
# Logs: did-inventory-service/target/bench-logs/; with BENCH_JFR=1, a JFR CPU profile of each service there too.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-1000000}
RUN=bulk$(date +%s)
TOPIC=$RUN.did-inventory.events
LOGS=$ROOT/did-inventory-service/target/bench-logs
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
# the services it starts and the benchmark's calls to them share it
export DID_SECURITY_GATEWAY_TOKEN_SECRET=${DID_SECURITY_GATEWAY_TOKEN_SECRET:-$(head -c 32 /dev/urandom | base64)}
mkdir -p "$LOGS"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
INVENTORY_PORT=$(free_port)
AUDIT_PORT=$(free_port)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT

start() { # service port args...
  local service=$1 port=$2
  shift 2
  java -Xmx2g ${BENCH_JFR:+-XX:StartFlightRecording=filename=$LOGS/$service-$RUN.jfr,settings=profile} \
    -jar "$ROOT/$service/target/$service-0.1.0-SNAPSHOT.jar" --server.port="$port" "$@" \
    > "$LOGS/$service-$RUN.log" 2>&1 &
  PIDS+=($!)
}

await_healthy() { # port
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$1/actuator/health" > /dev/null && return
    for pid in "${PIDS[@]}"; do
      kill -0 "$pid" 2> /dev/null || { echo "a service exited during start-up; see $LOGS" >&2; exit 1; }
    done
    sleep 1
  done
  echo "a service on port $1 did not become healthy; see $LOGS" >&2
  exit 1
}

start did-inventory-service "$INVENTORY_PORT" --did.database.name="did_inventory_$RUN" --did.events.topic="$TOPIC" \
  --spring.kafka.consumer.group-id="$RUN-inventory"
start audit-service "$AUDIT_PORT" --did.database.name="did_audit_$RUN" --did.audit.topics="$TOPIC" \
  --spring.kafka.consumer.group-id="$RUN-audit"
await_healthy "$INVENTORY_PORT"
await_healthy "$AUDIT_PORT"

INVENTORY_URL=http://127.0.0.1:$INVENTORY_PORT AUDIT_URL=http://127.0.0.1:$AUDIT_PORT INVENTORY_DB="did_inventory_$RUN" \
  "$ROOT/did-inventory-service/bench/bulk-benchmark.sh" "$N" | tee "$LOGS/bulk-benchmark-$RUN.txt"

# The same rows with no service running: what PostgreSQL alone needs to store what the run kept per DID.
kill "${PIDS[@]}"
wait "${PIDS[@]}" 2> /dev/null || true
PIDS=()
COPY_RATE=$(awk '$1 == "COPY" { print $(NF - 1) }' "$LOGS/bulk-benchmark-$RUN.txt")
"$ROOT/did-inventory-service/bench/storage-floor.sh" $((2 * N)) "$COPY_RATE" "did_inventory_$RUN" "did_audit_$RUN"

if [ -z "${KEEP_DATABASES:-}" ]; then
  psql -q -d postgres -c "drop database did_inventory_$RUN" -c "drop database did_audit_$RUN"
fi
