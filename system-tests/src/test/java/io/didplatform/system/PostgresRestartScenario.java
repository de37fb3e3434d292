package io.didplatform.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability scenario "postgres-restart" (reliability/run): while a bulk job creates a range, a client takes DIDs
 * and another client's package is deactivated and activated in turn ({@link WorkUnderFaults}), PostgreSQL is
 * restarted in immediate mode ({@code pg_ctl restart -m immediate}: every server process killed, every connection
 * cut, crash recovery at the start), again and again. The platform runs on a throwaway cluster of its own for this
 * (reliability/postgres, started by reliability/run). After each restart every service must be healthy again by
 * itself, and the next take seen through to the client's DIDs (the command, the event store, the outbox to Kafka,
 * inventory's and client-service's consumers and projections) within 30 s. Once everything has caught up nothing is
 * lost, no effect happened twice, and the reconciliation is clean.
 * <p>
 * {@code --ci}: 2 restarts during a range of 5,000 DIDs; {@code --quick}: 3 during 20,000, else 10 during 100,000; one
 * line to {@code target/reliability/postgres-restart.tsv}.
 */
class PostgresRestartScenario {
    private static final int RESTARTS = Scenarios.CI ? 2 : Scenarios.QUICK ? 3 : 10;
    /** Large enough that the restarts come while the bulk job still runs (about 500 DIDs a second when quiet). */
    private static final int RANGE = Scenarios.CI ? 5_000 : Scenarios.QUICK ? 20_000 : 100_000;
    private static final int TAKES = Scenarios.QUICK ? 300 : 5_000;
    private static final double RESUME_LIMIT_SECONDS = 30;
    private static final List<String> INSTANCES =
            List.of("did-inventory-service", "client-service", "package-service", "audit-service", "gateway");

    private final RunningPlatform platform = RunningPlatform.get();
    private final Api admin = new Api(platform.gatewayUrl(), "admin", "admin");

    @Test
    void everyServiceResumesByItselfWhenPostgresRestarts() throws Exception {
        WorkUnderFaults work = new WorkUnderFaults(platform, admin, RANGE, TAKES);
        List<Double> resumed = new ArrayList<>();
        WorkUnderFaults.Figures figures = work.underFaults("postgres-restart", RESTARTS, restart -> {
            restartImmediately();
            long restarted = System.nanoTime();
            INSTANCES.forEach(platform::awaitHealthy);
            work.awaitNextTake();
            resumed.add((System.nanoTime() - restarted) / 1e9);
            System.out.printf("postgres-restart %d: the next take seen %.1f s after the restart%n", restart,
                    resumed.get(resumed.size() - 1));
        });
        assertThat(figures.lost()).as("events lost").isZero();
        assertThat(figures.duplicated()).as("effects applied twice").isZero();
        assertThat(resumed).as("seconds from a restart to the next take seen").allMatch(s -> s <= RESUME_LIMIT_SECONDS);
    }

    /** reliability/postgres restart: returns once the server accepts connections again. */
    private void restartImmediately() throws IOException, InterruptedException {
        int status = new ProcessBuilder(platform.root().resolve("reliability/postgres").toString(), "restart")
                .inheritIO().start().waitFor();
        assertThat(status).as("reliability/postgres restart").isZero();
    }
}
