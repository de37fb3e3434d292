package io.didplatform.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability scenario "broker-kill" (reliability/run): while a bulk job creates a range, a client takes DIDs one
 * after another and another client's package is deactivated and activated in turn ({@link WorkUnderFaults}), the
 * Kafka broker is killed ({@code kill -9}) and started again on the same data, again and again. Once everything has
 * caught up nothing is lost, no effect happened twice, and the reconciliation is clean.
 * <p>
 * {@code --ci}: 2 kills during a range of 500 DIDs; {@code --quick}: 3 kills during a range of 2,000 DIDs, else 20
 * kills during a range of 100,000; one line to
 * {@code target/reliability/broker-kill.tsv}.
 */
class BrokerKillScenario {
    private static final int KILLS = Scenarios.CI ? 2 : Scenarios.QUICK ? 3 : 20;
    private static final int RANGE = Scenarios.CI ? 500 : Scenarios.QUICK ? 2_000 : 100_000;
    private static final int TAKES = Scenarios.QUICK ? 300 : 5_000;

    private final RunningPlatform platform = RunningPlatform.get();
    private final Api admin = new Api(platform.gatewayUrl(), "admin", "admin");
    private final Broker broker = new Broker(platform.root());

    @Test
    void nothingLostNothingTwiceWhenTheBrokerIsKilled() throws Exception {
        WorkUnderFaults work = new WorkUnderFaults(platform, admin, RANGE, TAKES);
        WorkUnderFaults.Figures figures = work.underFaults("broker-kill", KILLS, kill -> {
            broker.kill();
            broker.start();
        });
        assertThat(figures.lost()).as("events lost").isZero();
        assertThat(figures.duplicated()).as("effects applied twice").isZero();
    }
}
