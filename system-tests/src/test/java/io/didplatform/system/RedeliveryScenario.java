package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability scenario "redelivery" (reliability/run; not one of the system tests bin/test runs): after ordinary
 * work, every service is stopped, its consumer group set back to the beginning of the topics it reads, and started
 * again, so every event is delivered to it once more. Exactly-once effects mean: each service's tables hash the
 * same before and after, no event store gains an event, and the reconciliation is clean.
 * <p>
 * {@code -Dreliability.runs} (default 1) rounds of {@code -Dreliability.dids} (default 10) DIDs each; one line per
 * round goes to {@code target/reliability/redelivery.tsv}.
 */
class RedeliveryScenario {
    private static final int RUNS = Integer.getInteger("reliability.runs", 1);
    private static final int DIDS = Integer.getInteger("reliability.dids", 10);
    /** What each service keeps of what it consumes (its read models and registries) and whether it stores events. */
    private static final Map<String, List<String>> TABLES = Map.of(
            "did-inventory-service", List.of("did_view"),
            "client-service", List.of("client_view", "client_package_view", "package_view", "client_did_view",
                    "assignment_request_view"),
            "package-service", List.of("known_client", "package_catalog", "client_package_registry", "did_usage",
                    "package_view", "client_package_view"),
            "audit-service", List.of("audit_event", "history_entry", "did_version", "entity_state", "audit_stream"));
    private static final List<String> EVENT_STORES = List.of("did-inventory-service", "client-service",
            "package-service");

    private final RunningPlatform platform = RunningPlatform.get();
    private final Api admin = new Api(platform.gatewayUrl(), "admin", "admin");

    @Test
    void everyEventDeliveredAgainChangesNothing() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Scenarios.ordinaryWork(admin, "Redelivery", "1666", DIDS);
            Scenarios.awaitSettled(platform, admin, TABLES.keySet());
            Map<String, String> before = hashes();
            long eventsBefore = storedEvents();

            long[] redelivered = {0};
            Instant stopped = Instant.now();
            platform.stopAndRestart(List.copyOf(TABLES.keySet()), () -> TABLES.keySet()
                    .forEach(service -> redelivered[0] += Scenarios.rewind(platform.groupOf(service))));
            Instant started = Instant.now();
            JsonNode report = Scenarios.awaitSettled(platform, admin, TABLES.keySet());
            Duration recovered = Duration.between(started, Instant.now());

            Map<String, String> after = hashes();
            long duplicatedEvents = storedEvents() - eventsBefore;
            List<String> changedTables = before.keySet().stream()
                    .filter(table -> !before.get(table).equals(after.get(table))).toList();
            long lost = report.path("differenceCount").asLong();
            lines.add(Scenarios.line("redelivery", run, redelivered[0], lost, duplicatedEvents + changedTables.size(),
                    Duration.between(stopped, started).toMillis() / 1000.0, recovered.toMillis() / 1000.0));
            System.out.println("redelivery run " + run + ": " + lines.get(lines.size() - 1) + " changed tables "
                    + changedTables);
            assertThat(changedTables).as("tables changed by the redelivery").isEmpty();
            assertThat(duplicatedEvents).as("events stored because of the redelivery").isZero();
        }
        Scenarios.record("redelivery", lines);
    }

    /** Every table's content hash, by service and table. */
    private Map<String, String> hashes() throws SQLException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> service : TABLES.entrySet()) {
            hashes.putAll(Scenarios.hashes(platform, service.getKey(), service.getValue()));
        }
        return hashes;
    }

    private long storedEvents() throws SQLException {
        long events = 0;
        for (String service : EVENT_STORES) {
            try (Connection connection = platform.database(service);
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select count(*) from domain_event_entry")) {
                row.next();
                events += row.getLong(1);
            }
        }
        return events;
    }
}
