package io.didplatform.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void readsQuantilesByNearestRankFromUnsortedLatencies() {
        long[] millis = LongStream.rangeClosed(1, 1000).map(ms -> (1001 - ms) * 1_000_000L).toArray();
        Latencies latencies = Latencies.of(millis, 2, 2.0);

        assertThat(latencies.millisAt(0.50)).isEqualTo(500.0);
        assertThat(latencies.millisAt(0.99)).isEqualTo(990.0);
        assertThat(latencies.millisAt(0.999)).isEqualTo(999.0);
        assertThat(latencies.millisAt(1.0)).isEqualTo(1000.0);
        assertThat(latencies.perSecond()).isEqualTo(500.0);
        assertThat(latencies.failed()).isEqualTo(2);
    }

    @Test
    void reportsTheMedianTheSpreadAndTheRatioOfEachFigure() {
        RoutingBench.Run run = new RoutingBench.Run(Latencies.of(new long[] {1_000_000, 2_000_000}, 0, 0.001), null,
                Latencies.of(new long[] {3_000_000}, 0, 0.001));
        RoutingBench.Run slower = new RoutingBench.Run(Latencies.of(new long[] {1_000_000}, 0, 0.001), null,
                Latencies.of(new long[] {9_000_000}, 1, 0.001));

        String report = RoutingBench.report(List.of(run, slower, run), List.of(run), "nginx", 16, 20, 2000);

        assertThat(report)
                .contains("| flat out: lookups/s | 2,000 (1,000–2,000) | 1,000 (1,000–1,000) | **50 %** (target ≥ 50 %) |")
                .contains("| flat out: p50 | 1.00 ms (1.00 ms–1.00 ms) | 3.00 ms (3.00 ms–9.00 ms) | 3.0× |")
                .contains("| failed lookups | 0 | 1 | |")
                .contains("R1: gateway throughput 50 % of direct (met); gateway p99 at 2,000/s 3.00 ms (met).")
                .doesNotContain("nginx");
    }

    @Test
    void setsTheGatewayBesideTheMinimalProxyWhenOneIsMeasured() {
        RoutingBench.Run run = new RoutingBench.Run(Latencies.of(new long[] {1_000_000, 1_000_000}, 0, 0.001),
                Latencies.of(new long[] {2_000_000}, 0, 0.001), Latencies.of(new long[] {4_000_000}, 0, 0.002));

        String report = RoutingBench.report(List.of(run), List.of(run), "nginx", 16, 20, 2000);

        assertThat(report)
                .contains("| figure | direct on :8081 (baseline) | nginx in front of :8081 (minimal proxy) | through the"
                        + " gateway | gateway ÷ direct | gateway ÷ minimal proxy |")
                // one run: each figure alone, no spread
                .contains("| flat out: lookups/s | 2,000 | 1,000 | 500 | **25 %** (target ≥ 50 %) | 50 % |")
                .contains("| flat out: p50 | 1.00 ms | 2.00 ms | 4.00 ms | 4.0× | 2.0× |")
                .contains("| failed lookups | 0 | 0 | 0 | | |")
                .contains("The limit: nginx, a pass-through proxy and nothing else, reaches 50 % of direct (at or above 50 %);"
                        + " the gateway reaches 50 % of it.");
    }
}
