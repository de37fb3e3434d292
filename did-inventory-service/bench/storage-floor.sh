#!/usr/bin/env bash
# How fast could any implementation of this design store DIDs on this machine? After a bulk run, this copies
# out every table that holds at least one row per DID the run created (the event store, the command-side
# registry, the read model, the audit tables) and times PostgreSQL COPY of exactly those rows back into empty
# tables shaped like them (same columns, keys and indexes): first one table after another, then all at once.
# No Java, no Kafka, no JSON work is timed, so the rate printed is a ceiling for the end-to-end rate.
#
#   did-inventory-service/bench/storage-floor.sh DIDS COPY_RATE DATABASE...
#
# DIDS: how many DIDs the run created; COPY_RATE: the run's rows/s of the plain COPY baseline (bulk-benchmark.sh);
# DATABASE: the databases the run wrote (its inventory and audit databases). Environment: PGHOST, PGPORT, PGUSER;
# SINCE_XID: only the rows written since that transaction (txid_current() just before the run), for databases that
# held rows before it (a running system's, as bench/run's B1 measures). Scratch tables are named floor_<table>,
# created next to the originals and dropped again.
set -euo pipefail

DIDS=$1
COPY_RATE=$2
shift 2
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGOPTIONS='-c client_min_messages=warning'
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
share() { awk -v r="$1" -v c="$COPY_RATE" 'BEGIN { printf "%.1f", 100 * r / c }'; }

TABLES=()
if [[ -n ${SINCE_XID:-} ]]; then
  # a row's xmin is the (32-bit) transaction that wrote it: the younger ones were written since SINCE_XID
  written="age(xmin) < age('$((SINCE_XID % 4294967296))'::xid)"
  for db in "$@"; do
    for table in $(psql -qtA -d "$db" -c "select relname from pg_stat_user_tables order by relname"); do
      if (( $(psql -qtA -d "$db" -c "select count(*) from $table where $written") >= DIDS * 9 / 10 )); then
        psql -q -d "$db" -c "\\copy (select * from $table where $written) to '$WORK/$db.$table' (format binary)"
        TABLES+=("$db.$table")
      fi
    done
  done
else
  for db in "$@"; do
    psql -qtA -d "$db" -c "analyze"
    for table in $(psql -qtA -d "$db" -c "select relname from pg_stat_user_tables where n_live_tup >= 0.9 * $DIDS order by relname"); do
      psql -q -d "$db" -c "\\copy $table to '$WORK/$db.$table' (format binary)"
      TABLES+=("$db.$table")
    done
  done
fi

scratch() { # db.table -> creates an empty floor_<table> in db
  psql -q -d "${1%%.*}" -c "drop table if exists floor_${1#*.}; create table floor_${1#*.} (like ${1#*.} including all)"
}
load() { # db.table
  psql -q -d "${1%%.*}" -c "\\copy floor_${1#*.} from '$WORK/$1' (format binary)"
}
drop() { psql -q -d "${1%%.*}" -c "drop table floor_${1#*.}"; }

echo "Storage floor: $DIDS DIDs; the rows kept for them, loaded with COPY into empty tables of the same shape"
declare -A BY_DATABASE
total=0
for t in "${TABLES[@]}"; do
  scratch "$t"
  t0=$(now)
  load "$t"
  s=$(secs "$t0" "$(now)")
  drop "$t"
  total=$(awk -v a="$total" -v b="$s" 'BEGIN { print a + b }')
  BY_DATABASE[${t%%.*}]=$(awk -v a="${BY_DATABASE[${t%%.*}]:-0}" -v b="$s" 'BEGIN { print a + b }')
  printf '  %-50s %10s bytes  %6ss\n' "$t" "$(stat -c %s "$WORK/$t")" "$s"
done
for db in "$@"; do
  s=${BY_DATABASE[$db]:-0}
  printf '  %-50s subtotal     %6ss  %8s DIDs/s  %5s%% of COPY\n' "$db" "$s" "$(rate "$DIDS" "$s")" "$(share "$(rate "$DIDS" "$s")")"
done
printf 'floor, one table after another   %6ss  %8s DIDs/s  %5s%% of COPY\n' "$total" "$(rate "$DIDS" "$total")" \
  "$(share "$(rate "$DIDS" "$total")")"

for t in "${TABLES[@]}"; do scratch "$t"; done
t0=$(now)
pids=()
for t in "${TABLES[@]}"; do load "$t" & pids+=($!); done
wait "${pids[@]}"
s=$(secs "$t0" "$(now)")
for t in "${TABLES[@]}"; do drop "$t"; done
printf 'floor, all tables at once        %6ss  %8s DIDs/s  %5s%% of COPY\n' "$s" "$(rate "$DIDS" "$s")" \
  "$(share "$(rate "$DIDS" "$s")")"
