package io.didplatform.system;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability scenarios "graceful-restart" and "service-kill" (reliability/run): while a bulk job creates a range, a
 * client takes DIDs and another client's package is deactivated and activated in turn ({@link WorkUnderFaults}),
 * each service in turn is stopped (graceful-restart: SIGTERM, as an orchestrator stops it; service-kill: SIGKILL,
 * mid-batch, mid-cascade or mid-projection, wherever it is) and started again. A bulk job the inventory's restart
 * interrupted is sent again, as an operator would. Once everything has caught up nothing is lost, no effect
 * happened twice, and the reconciliation is clean.
 * <p>
 * {@code --quick}: 2 restarts of each service during a range of 2,000 DIDs, else 20 of each during 20,000; one line
 * to {@code target/reliability/<scenario>.tsv}.
 */
class ServiceRestartScenario {
    private static final List<String> SERVICES =
            List.of("did-inventory-service", "client-service", "package-service", "audit-service");
    private static final int RESTARTS_EACH = Scenarios.QUICK ? 2 : 20;
    private static final int RANGE = Scenarios.QUICK ? 2_000 : 20_000;
    private static final int TAKES = Scenarios.QUICK ? 300 : 5_000;

    private final RunningPlatform platform = RunningPlatform.get();
    private final Api admin = new Api(platform.gatewayUrl(), "admin", "admin");

    @Test
    void nothingLostNothingTwiceWhenServicesRestart() throws Exception {
        eachServiceInTurn("graceful-restart", service -> platform.stopAndRestart(List.of(service), () -> { }));
    }

    @Test
    void nothingLostNothingTwiceWhenServicesAreKilled() throws Exception {
        eachServiceInTurn("service-kill", service -> platform.killAndRestart(service, () -> { }));
    }

    private void eachServiceInTurn(String scenario, Consumer<String> restart) throws Exception {
        WorkUnderFaults work = new WorkUnderFaults(platform, admin, RANGE, TAKES);
        WorkUnderFaults.Figures figures = work.underFaults(scenario, RESTARTS_EACH * SERVICES.size(), fault -> {
            String service = SERVICES.get((fault - 1) % SERVICES.size());
            work.keepRedeliveriesOf(service);
            restart.accept(service);
        });
        assertThat(figures.lost()).as("events lost").isZero();
        assertThat(figures.duplicated()).as("effects applied twice").isZero();
    }
}
