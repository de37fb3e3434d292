package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.didplatform.system.Scenarios.EVENTUALLY;
import static io.didplatform.system.Scenarios.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reliability scenario "inventory-kill" (reliability/run): a bulk job creating a range of DIDs is running when the
 * inventory service is killed (SIGKILL, as {@code kill -9}) and started again. The restarted service reports the
 * interrupted job FAILED; the operator then sends the same range again, which creates what is missing and refuses
 * what is present ("already present"). In the end every DID of the range is in the DID view once, known to routing,
 * created once in the audit, and the reconciliation is clean.
 * <p>
 * {@code --ci}: 1,000 DIDs; {@code --quick}: 5,000, else 50,000; one line to {@code target/reliability/inventory-kill.tsv}.
 */
class InventoryKillScenario {
    private static final int DIDS = Scenarios.CI ? 1_000 : Scenarios.QUICK ? 5_000 : 50_000;
    private static final String INVENTORY = "did-inventory-service";
    /** The services reading the inventory's events (inventory reads only other services' topics, empty here). */
    private static final List<String> READERS = List.of("client-service", "package-service", "audit-service");

    private final RunningPlatform platform = RunningPlatform.get();
    private final Api admin = new Api(platform.gatewayUrl(), "admin", "admin");

    @Test
    void aRangeInterruptedByAKillEndsCreatedOnce() throws Exception {
        String prefix = "1888" + ThreadLocalRandom.current().nextInt(1_000, 9_999);
        String first = prefix + "00000";
        String last = prefix + "%05d".formatted(DIDS - 1);
        String operatorId = created(admin.post("/api/operators", Map.of("name", "Kill " + prefix)));
        String job = start(first, last, operatorId);

        // killed once the job has done part of its work, not all of it
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.get(job).body().path("succeeded").asLong() >= DIDS / 10);
        long killed = System.nanoTime();
        long[] createdAtKill = {0};
        platform.killAndRestart(INVENTORY, () -> createdAtKill[0] = count(prefix, "select count(*) from did_view"
                + " where number like ?", INVENTORY));
        long restarted = System.nanoTime();
        JsonNode interrupted = finished(job);

        JsonNode resumed = interrupted;
        if (!"COMPLETED".equals(interrupted.path("state").asText())) {
            resumed = finished(start(first, last, operatorId));
            assertThat(resumed.path("state").asText()).as(resumed.toString()).isEqualTo("COMPLETED");
            assertThat(resumed.path("succeeded").asLong() + resumed.path("failed").asLong()).isEqualTo(DIDS);
        }
        long done = System.nanoTime();

        for (int i = 0; i < DIDS; i += Math.max(1, DIDS / 50)) {
            String number = prefix + "%05d".formatted(i);
            Api.Response route = admin.get("/api/routing/" + number);
            assertThat(route.status()).as(number + " " + route.body()).isEqualTo(200);
            assertThat(route.text("status")).as(number + " known to routing").isNotBlank();
        }
        await().atMost(EVENTUALLY).until(() -> count(prefix, "select count(distinct subject) from audit_event"
                + " where subject like ? and type like 'did.DidCreated.%'", "audit-service") == DIDS);
        Scenarios.awaitSettled(platform, admin, READERS);

        // counted once the audit has read everything: before, it lags behind the view
        long inView = count(prefix, "select count(*) from did_view where number like ?", INVENTORY);
        long createdEvents = count(prefix, "select count(*) from audit_event where subject like ?"
                + " and type like 'did.DidCreated.%'", "audit-service");
        long auditedDids = count(prefix, "select count(distinct subject) from audit_event where subject like ?"
                + " and type like 'did.DidCreated.%'", "audit-service");

        long lost = DIDS - Math.min(inView, auditedDids);
        long duplicated = createdEvents - auditedDids;
        double down = (restarted - killed) / 1e9;
        double recovered = (done - restarted) / 1e9;
        Scenarios.record("inventory-kill", List.of(Scenarios.line("inventory-kill", 1, DIDS, lost, duplicated,
                down, recovered)));
        System.out.printf("inventory-kill: %d DIDs, killed with %d created; job after the restart %s (%s), resumed"
                        + " %s (%d created, %d already present); lost %d, duplicated %d; down %.1f s, restart to"
                        + " range done %.1f s%n", DIDS, createdAtKill[0], interrupted.path("state").asText(),
                interrupted.path("detail").asText(), resumed.path("state").asText(),
                resumed.path("succeeded").asLong(), resumed.path("failed").asLong(), lost, duplicated, down,
                recovered);
        assertThat(inView).as("DIDs of the range in the DID view").isEqualTo(DIDS);
        assertThat(duplicated).as("DIDs created twice in the audit").isZero();
    }

    /** Starts a job creating the range; answers its address. */
    private String start(String first, String last, String operatorId) {
        Api.Response range = admin.post("/api/dids", Map.of("range", first + "-" + last, "operatorId", operatorId));
        assertThat(range.status()).as(range.body().toString()).isIn(200, 202);
        return "/api/dids/jobs/" + range.text("id");
    }

    private JsonNode finished(String job) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(admin.get(job).text("state")));
        return admin.get(job).body();
    }

    private long count(String prefix, String query, String service) {
        try (Connection connection = platform.database(service);
             PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, prefix + "%");
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
