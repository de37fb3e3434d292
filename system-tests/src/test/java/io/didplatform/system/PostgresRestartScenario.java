package io.didplatform.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability scenario "postgres-restart" (reliability/run): while a bulk job creates a range, a client takes DIDs
 * and another client's package is deactivated and activated in turn ({@link WorkUnderFaults}), PostgreSQL is
 * restarted in immediate mode ({@code pg_ctl restart -m immediate}: every server process killed, every connection
 * cut, crash recovery at the start), again and again. The platform runs on a throwaway cluster of its own for this
 * (reliability/postgres, started by reliability/run). After each restart every service must be healthy again by
 * itself, and every event processor segment and Kafka consumer group resumed ({@link Positions}) within 30 s. The
 * next take seen through to the client's DIDs (the command, the event store, the outbox to Kafka, inventory's and
 * client-service's consumers and projections) is reported beside it: it also waits out whatever backlog the import
 * built up ahead of it. Once everything has caught up nothing is lost, no effect happened twice, and the
 * reconciliation is clean.
 * <p>
 * {@code --ci}: 1 restart during a range of 5,000 DIDs; {@code --quick}: 3 during 20,000, else 10 during 100,000; one
 * line to {@code target/reliability/postgres-restart.tsv}.
 */
class PostgresRestartScenario {
    private static final int RESTARTS = Scenarios.CI ? 1 : Scenarios.QUICK ? 3 : 10;
    /** Large enough that the restarts come while the bulk job still runs (about 500 DIDs a second when quiet). */
    private static final int RANGE = Scenarios.CI ? 5_000 : Scenarios.QUICK ? 20_000 : 100_000;
    private static final int TAKES = Scenarios.QUICK ? 300 : 5_000;
    private static final double RESUME_LIMIT_SECONDS = 30;
    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final List<String> SERVICES =
            List.of("did-inventory-service", "client-service", "package-service", "audit-service");

    private final RunningPlatform platform = RunningPlatform.get();
    private final Api admin = new Api(platform.gatewayUrl(), "admin", "admin");

    @Test
    void everyServiceResumesByItselfWhenPostgresRestarts() throws Exception {
        WorkUnderFaults work = new WorkUnderFaults(platform, admin, RANGE, TAKES);
        List<Double> resumed = new ArrayList<>();
        WorkUnderFaults.Figures figures = work.underFaults("postgres-restart", RESTARTS, restart -> {
            Positions before = Positions.of(platform, SERVICES);
            Instant faultAt = Instant.now();
            restartImmediately();
            long restarted = System.nanoTime();
            SERVICES.forEach(platform::awaitHealthy);
            platform.awaitHealthy("gateway");
            long giveUp = restarted + GIVE_UP.toNanos();
            List<String> behind = Positions.of(platform, SERVICES).notResumedSince(before, faultAt);
            while (!behind.isEmpty() && System.nanoTime() - giveUp < 0) {
                Thread.sleep(250);
                behind = Positions.of(platform, SERVICES).notResumedSince(before, faultAt);
            }
            resumed.add((System.nanoTime() - restarted) / 1e9);
            if (!behind.isEmpty()) {
                System.out.println("postgres-restart " + restart + ": not resumed: " + behind);
            }
            work.awaitNextTake();
            System.out.printf("postgres-restart %d: every processor and consumer resumed %.1f s after the restart,"
                    + " the next take seen after %.1f s%n", restart, resumed.get(resumed.size() - 1),
                    (System.nanoTime() - restarted) / 1e9);
        });
        assertThat(figures.lost()).as("events lost").isZero();
        assertThat(figures.duplicated()).as("effects applied twice").isZero();
        assertThat(resumed).as("seconds from a restart until every processor and consumer resumed")
                .allMatch(s -> s <= RESUME_LIMIT_SECONDS);
    }

    /** reliability/postgres restart: returns once the server accepts connections again. */
    private void restartImmediately() throws IOException, InterruptedException {
        int status = new ProcessBuilder(platform.root().resolve("reliability/postgres").toString(), "restart")
                .inheritIO().start().waitFor();
        assertThat(status).as("reliability/postgres restart").isZero();
    }
}
