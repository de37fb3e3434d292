package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.didplatform.system.Scenarios.EVENTUALLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reliability scenario "replay" (reliability/run; not one of the system tests bin/test runs): after ordinary work,
 * every projection is emptied and rebuilt from its one source, and must come back with the same content hash.
 * Axon-fed projections get their processor's token deleted (the processor starts again at the store's tail); Kafka-fed
 * ones get their consumer's processed marks deleted and the service's group set back to the beginning of its topics
 * (the service's other consumers keep their marks, so they pass over what they already did). The audit log's
 * projections are rebuilt by the audit service's own {@code POST /api/audit/rebuild}, which reports both hashes.
 * <p>
 * Not rebuilt here: client-service's {@code client_did_view}, written from two streams (the client's own events and
 * inventory's), whose interleaving a rebuild cannot reproduce, and inventory's {@code did_holding} and
 * {@code client_package_state}, the hold cascade's working state beside the commands it sends; the redelivery
 * scenario covers them. The routing table is in memory, rebuilt at every start and checked by the reconciliation.
 * <p>
 * {@code -Dreliability.runs} (default 1) rounds of {@code -Dreliability.dids} (default 10) DIDs each; one line per
 * round goes to {@code target/reliability/replay.tsv}.
 */
class ReplayScenario {
    private static final int RUNS = Integer.getInteger("reliability.runs", 1);
    private static final int DIDS = Integer.getInteger("reliability.dids", 10);
    private static final List<Projection> PROJECTIONS = List.of(
            Projection.axon("did-inventory-service", "did-view", "did_view", "operator_view"),
            Projection.axon("client-service", "client-view", "client_view"),
            Projection.kafka("client-service", "client-service.packages", "package_view", "client_package_view"),
            Projection.axon("package-service", "package-view", "package_view"),
            Projection.axon("package-service", "client-package-view", "client_package_view"),
            Projection.kafka("package-service", "package-service.clients", "known_client"),
            Projection.kafka("package-service", "package-service.dids", "did_usage"));
    private static final List<String> AUDIT_TABLES = List.of("history_entry", "did_version", "entity_state");

    private final RunningPlatform platform = RunningPlatform.get();
    private final Api admin = new Api(platform.gatewayUrl(), "admin", "admin");

    @Test
    void everyProjectionRebuiltFromScratchHashesTheSame() throws Exception {
        List<String> lines = new ArrayList<>();
        Set<String> services = new LinkedHashSet<>();
        PROJECTIONS.forEach(projection -> services.add(projection.service()));
        services.add("audit-service");
        for (int run = 1; run <= RUNS; run++) {
            work();
            Scenarios.awaitSettled(platform, admin, services);
            Map<String, String> before = hashes();
            Map<String, Long> rows = rows();

            Instant stopped = Instant.now();
            platform.stopAndRestart(PROJECTIONS.stream().map(Projection::service).distinct().toList(), this::empty);
            Instant started = Instant.now();
            await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(hashes()).as("content hashes, by table").isEqualTo(before));
            JsonNode audit = rebuildAudit();
            JsonNode report = Scenarios.awaitSettled(platform, admin, services);
            Duration rebuilt = Duration.between(started, Instant.now());
            Map<String, String> after = hashes();
            long differing = before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table)))
                    .count() + (audit.path("identical").asBoolean() ? 0 : 1);
            lines.add(Scenarios.line("replay", run, rows.values().stream().mapToLong(Long::longValue).sum()
                    + audit.path("events").asLong(), report.path("differenceCount").asLong(), differing,
                    Duration.between(stopped, started).toMillis() / 1000.0, rebuilt.toMillis() / 1000.0));
            System.out.println("replay run " + run + ": " + lines.get(lines.size() - 1) + " rows " + rows
                    + " audit " + audit);
            assertThat(audit.path("identical").asBoolean()).as("the audit rebuild's report " + audit).isTrue();
            assertThat(after).as("content hashes after the audit rebuild, by table").isEqualTo(before);
        }
        Scenarios.record("replay", lines);
    }

    /** {@link Scenarios#ordinaryWork}, and the client takes a DID. */
    private void work() {
        Scenarios.OrdinaryWork work = Scenarios.ordinaryWork(admin, "Replay", "1667", DIDS);
        String number = work.prefix() + "002";
        // client-service learns of the client package from package.events
        await().atMost(EVENTUALLY).until(() -> admin.post("/api/clients/" + work.clientId() + "/dids", Map.of("number",
                number, "clientPackageId", work.clientPackageId(), "destination", "sip:" + number + "@pbx.replay.test"))
                .status() < 300);
        await().atMost(EVENTUALLY).until(() -> "ACTIVE".equals(admin.get("/api/dids/" + number).text("status")));
    }

    /** Empties every projection and sets it to be rebuilt from the beginning (the services are down). */
    private void empty() {
        Set<String> rewound = new LinkedHashSet<>();
        for (Projection projection : PROJECTIONS) {
            try (Connection connection = platform.database(projection.service());
                 Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("truncate " + String.join(", ", projection.tables()));
                if (projection.processor() != null) {
                    statement.execute("delete from token_entry where processor_name = '" + projection.processor() + "'");
                } else {
                    statement.execute("delete from processed_event where consumer = '" + projection.consumer() + "'");
                    rewound.add(projection.service());
                }
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("could not empty " + projection, e);
            }
        }
        rewound.forEach(service -> Scenarios.rewind(platform.groupOf(service)));
    }

    /** The audit service's own rebuild of its projections from the log, awaited; its report. */
    private JsonNode rebuildAudit() {
        Api.Response started = admin.post("/api/audit/rebuild", Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String job = "/api/audit/rebuild/" + started.text("id");
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> admin.get(job).body(),
                answer -> !"RUNNING".equals(answer.path("state").asText()));
    }

    private Map<String, String> hashes() throws SQLException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Projection projection : PROJECTIONS) {
            hashes.putAll(Scenarios.hashes(platform, projection.service(), projection.tables()));
        }
        hashes.putAll(Scenarios.hashes(platform, "audit-service", AUDIT_TABLES));
        return hashes;
    }

    private Map<String, Long> rows() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Projection projection : PROJECTIONS) {
            rows.putAll(Scenarios.rows(platform, projection.service(), projection.tables()));
        }
        return rows;
    }

    /** A service's projection: its tables and its one source, an Axon processor's or a Kafka consumer's. */
    private record Projection(String service, String processor, String consumer, List<String> tables) {
        static Projection axon(String service, String processor, String... tables) {
            return new Projection(service, processor, null, List.of(tables));
        }

        static Projection kafka(String service, String consumer, String... tables) {
            return new Projection(service, null, consumer, List.of(tables));
        }
    }
}
