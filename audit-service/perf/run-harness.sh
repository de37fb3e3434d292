#!/usr/bin/env bash
# Runs the audit performance harness (see AuditPerformanceHarness) against the local PostgreSQL and Kafka.
# Sizes: -Dbacklog=<events to catch up> -Dstored=<events stored for the latency figures> -DhotDidEvents=<n>
#        -Dqueries=<n>; hosts: -Dpg=host:port -Dkafka=host:port; -Ddatabase=<name> (default did_audit_perf). Example:
#   audit-service/perf/run-harness.sh -Dbacklog=1000000 -Dstored=10000000
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# with the modules it needs (-am): they are not installed in ~/.m2, the classpath points at their target/classes
./mvnw -o -q -pl audit-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/harness.classpath
exec java -Xmx1g "$@" -cp "audit-service/target/test-classes:audit-service/target/classes:$(cat audit-service/target/harness.classpath)" \
  io.didplatform.audit.perf.AuditPerformanceHarness
