#!/usr/bin/env bash
# Bulk benchmark of did-inventory-service (not a test): creates a range of N numbers and imports an N-row CSV
# through the running service, and in the same run loads the same rows into a scratch table with PostgreSQL
# COPY. Prints DIDs/s for each step, the ratio to COPY, and how long until every DID is in the read model,
# routable (the last number in the routing table, which follows the event store in order), published to Kafka
# (both outbox lanes caught up) and, when an audit-service answers, in the audit inventory.
#
#   did-inventory-service/bench/bulk-benchmark.sh [N]        (N defaults to 1000000)
#
# Environment: INVENTORY_URL (default http://127.0.0.1:8081), AUDIT_URL (default http://127.0.0.1:8084; skipped
# when it does not answer), INVENTORY_DB (the service's database, default did_inventory), PGHOST, PGPORT, PGUSER,
# DID_SECURITY_GATEWAY_TOKEN_SECRET (the secret the services run with). Needs curl, jq, psql, openssl. Talks to the
# services directly, with tokens signed as the gateway signs them (bin/gateway-token); with BENCH_CREDENTIALS
# (user:password, an ADMIN) set instead, through the gateway with HTTP Basic: INVENTORY_URL and AUDIT_URL are then
# both the gateway's (bench/run's B1 does this).
#
# The run publishes 2N events. On a broker others use, start the measured service with
# --did.events.topic=bench.did-inventory.events (or DID_EVENTS_TOPIC) so the platform's topic is not flooded for
# every consumer that reads it from the beginning; the audit step is then skipped (audit reads the real topic).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

N=${1:-1000000}
INVENTORY_URL=${INVENTORY_URL:-http://127.0.0.1:8081}
AUDIT_URL=${AUDIT_URL:-http://127.0.0.1:8084}
INVENTORY_DB=${INVENTORY_DB:-did_inventory}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
SCRATCH_DB=did_bench_scratch
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# through the gateway as BENCH_CREDENTIALS; else direct, with a fresh token for each call for the service it goes to
api() {
  if [[ -n ${BENCH_CREDENTIALS:-} ]]; then
    curl -sS -u "$BENCH_CREDENTIALS" "$@"
    return
  fi
  local service=did-inventory-service
  [[ " $* " == *" $AUDIT_URL"* ]] && service=audit-service
  curl -sS -H "Authorization: Bearer $("$ROOT/bin/gateway-token" "$service" bench ADMIN)" "$@"
}

# Two unused 11-digit blocks of N numbers: 1BBB followed by 7 digits (N <= 10,000,000).
free_block() {
  local block
  while true; do
    block=$(( (RANDOM % 900) + 100 ))
    if [ "$block" != "${1:-}" ] && [ "$(api "$INVENTORY_URL/api/dids?number=1$block&size=1" | jq -r .page.totalElements)" = 0 ]; then
      echo "$block"
      return
    fi
  done
}
BLOCK=$(free_block)
IMPORT_BLOCK=$(free_block "$BLOCK")
RANGE_FIRST=$(printf '1%03d%07d' "$BLOCK" 0)
RANGE_LAST=$(printf '1%03d%07d' "$BLOCK" $((N - 1)))

operator() {
  api -H 'Content-Type: application/json' -d "{\"name\":\"bench $1 $(date +%s%N)\"}" "$INVENTORY_URL/api/operators" | jq -r .id
}

# Waits until the job is finished; prints its report's counts.
await_job() {
  local location=$1 state
  while true; do
    state=$(api "$INVENTORY_URL$location" | jq -r '.state')
    [ "$state" != RUNNING ] && break
    sleep 1
  done
  api "$INVENTORY_URL$location" | jq -c '{state, total, succeeded, failed}'
}

await_count() { # url expected -> waits until page.totalElements reaches expected
  while [ "$(api "$1" | jq -r '.page.totalElements // 0')" -lt "$2" ]; do sleep 1; done
}

# events stored past the position of the outbox lane furthest behind (interactive or bulk, each segment)
outbox_lag() {
  psql -qtA -d "$INVENTORY_DB" -c "select (select max(global_index) from domain_event_entry)
    - coalesce((select min((convert_from(token, 'UTF8')::json->>'index')::bigint) from token_entry
                where processor_name in ('kafka-outbox', 'kafka-outbox-bulk')), 0)"
}

await_outbox() { while [ "$(outbox_lag)" -gt 0 ]; do sleep 1; done; }

# the routing table follows the event store in order, one segment: the last number created is the last routed
await_routable() { until api -f -o /dev/null "$INVENTORY_URL/api/routing/$1" 2>/dev/null; do sleep 1; done; }

audit_up() { curl -s -o /dev/null -w '%{http_code}' "$AUDIT_URL/actuator/health" 2>/dev/null | grep -q 200; }

# Runs one bulk step: $1 name, $2 operator, $3 start time, $4 location of its job, $5 the last number it creates.
measure() {
  local name=$1 op=$2 t0=$3 location=$4 last=$5 report t_job t_view t_routable t_kafka t_audit
  report=$(await_job "$location"); t_job=$(now)
  if [ "$(jq -r .succeeded <<< "$report")" != "$N" ]; then
    echo "$name job did not create every DID: $report" >&2
    exit 1
  fi
  await_count "$INVENTORY_URL/api/dids?operatorId=$op&size=1" "$N"; t_view=$(now)
  await_routable "$last"; t_routable=$(now)
  await_outbox; t_kafka=$(now)
  printf '%-7s job %s\n' "$name" "$report"
  printf '%-7s job done      %6ss  %8s DIDs/s  %5.1f%% of COPY\n' "$name" "$(secs "$t0" "$t_job")" \
    "$(rate "$N" "$(secs "$t0" "$t_job")")" "$(awk -v r="$(rate "$N" "$(secs "$t0" "$t_job")")" -v c="$COPY_RATE" 'BEGIN{print 100*r/c}')"
  printf '%-7s read model    %6ss  %8s DIDs/s  %5.1f%% of COPY\n' "$name" "$(secs "$t0" "$t_view")" \
    "$(rate "$N" "$(secs "$t0" "$t_view")")" "$(awk -v r="$(rate "$N" "$(secs "$t0" "$t_view")")" -v c="$COPY_RATE" 'BEGIN{print 100*r/c}')"
  printf '%-7s routable      %6ss  %8s DIDs/s  %5.1f%% of COPY\n' "$name" "$(secs "$t0" "$t_routable")" \
    "$(rate "$N" "$(secs "$t0" "$t_routable")")" "$(awk -v r="$(rate "$N" "$(secs "$t0" "$t_routable")")" -v c="$COPY_RATE" 'BEGIN{print 100*r/c}')"
  printf '%-7s on Kafka      %6ss  %8s DIDs/s  %5.1f%% of COPY\n' "$name" "$(secs "$t0" "$t_kafka")" \
    "$(rate "$N" "$(secs "$t0" "$t_kafka")")" "$(awk -v r="$(rate "$N" "$(secs "$t0" "$t_kafka")")" -v c="$COPY_RATE" 'BEGIN{print 100*r/c}')"
  if audit_up; then
    await_count "$AUDIT_URL/api/audit/inventory?operatorId=$op&size=1" "$N"; t_audit=$(now)
    printf '%-7s in audit      %6ss  %8s DIDs/s  %5.1f%% of COPY\n' "$name" "$(secs "$t0" "$t_audit")" \
      "$(rate "$N" "$(secs "$t0" "$t_audit")")" "$(awk -v r="$(rate "$N" "$(secs "$t0" "$t_audit")")" -v c="$COPY_RATE" 'BEGIN{print 100*r/c}')"
  else
    printf '%-7s in audit      skipped (no audit-service at %s)\n' "$name" "$AUDIT_URL"
  fi
}

echo "Bulk benchmark: N=$N, inventory at $INVENTORY_URL, database $INVENTORY_DB"

# 1. The rows, once as the CSV to import and once as the COPY input (same numbers as the import).
COPY_OPERATOR=$(cat /proc/sys/kernel/random/uuid)
awk -v n="$N" -v b="$IMPORT_BLOCK" 'BEGIN { print "did,tag"; for (i = 0; i < n; i++) printf "1%03d%07d,bench\n", b, i }' > "$WORK/import.csv"
awk -v n="$N" -v b="$IMPORT_BLOCK" -v op="$COPY_OPERATOR" 'BEGIN { for (i = 0; i < n; i++) printf "1%03d%07d,IN_STOCK,IN_STOCK,%s,bench\n", b, i, op }' > "$WORK/copy.csv"

# 2. PostgreSQL COPY of the same rows into a scratch table shaped like the read model's essentials.
psql -qtA -d postgres -c "select 1 from pg_database where datname = '$SCRATCH_DB'" | grep -q 1 \
  || psql -q -d postgres -c "create database $SCRATCH_DB"
psql -q -d "$SCRATCH_DB" -c "drop table if exists bench_copy; create table bench_copy (number varchar(15) primary key,
  status varchar(16) not null, after_hold_status varchar(16) not null, operator_id varchar(36) not null, tag varchar(100))"
t0=$(now)
psql -q -d "$SCRATCH_DB" -c "\\copy bench_copy from '$WORK/copy.csv' with (format csv)"
COPY_SECONDS=$(secs "$t0" "$(now)")
COPY_RATE=$(rate "$N" "$COPY_SECONDS")
psql -q -d "$SCRATCH_DB" -c "drop table bench_copy"
printf 'COPY    %d rows      %6ss  %8s rows/s\n' "$N" "$COPY_SECONDS" "$COPY_RATE"

# 3. A range of N numbers.
OP=$(operator range)
t0=$(now)
LOCATION=$(api -o /dev/null -w '%header{location}' -H 'Content-Type: application/json' \
  -d "{\"range\":\"$RANGE_FIRST-$RANGE_LAST\",\"operatorId\":\"$OP\",\"tag\":\"bench\"}" "$INVENTORY_URL/api/dids")
measure range "$OP" "$t0" "$LOCATION" "$RANGE_LAST"

# 4. An N-row CSV import.
OP=$(operator import)
t0=$(now)
LOCATION=$(api -o /dev/null -w '%header{location}' -F "file=@$WORK/import.csv;filename=import.csv" -F "operatorId=$OP" \
  "$INVENTORY_URL/api/dids/import")
measure import "$OP" "$t0" "$LOCATION" "$(printf '1%03d%07d' "$IMPORT_BLOCK" $((N - 1)))"
