package io.didplatform.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PropagationBenchTest {

    @Test
    void setsPropagationBesideRawKafkaWithTheDifferenceOfTheP99s() {
        long[] e1 = new long[100];
        long[] raw = new long[100];
        for (int i = 0; i < 100; i++) {
            e1[i] = (i + 1) * 2_000_000L;
            raw[i] = (i + 1) * 1_000_000L;
        }
        PropagationBench.Result result = new PropagationBench.Result(Latencies.of(e1, 0, 1),
                Latencies.of(raw, 0, 1), Latencies.of(raw, 0, 1), 2, 700);

        assertThat(PropagationBench.report(result))
                .contains("100 samples of each")
                .contains("polled every 2 ms")
                .contains("| p50 | 100.0 ms | 50.0 ms | 2.0× | +50.0 ms |")
                .contains("| p99 | 198.0 ms | 99.0 ms | 2.0× | +99.0 ms (target ≤ +100 ms) |")
                .contains("E1: p99 198.0 ms against raw Kafka's 99.0 ms: +99.0 ms (target ≤ +100 ms: met).");
    }
}
