package io.didplatform.bench;

import java.util.Arrays;

/** One load run's outcome: each answered request's latency, how many failed, and how long the run took. */
record Latencies(long[] sortedNanos, int failed, double seconds) {

    static Latencies of(long[] nanos, int failed, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted, failed, seconds);
    }

    int answered() {
        return sortedNanos.length;
    }

    double perSecond() {
        return answered() / seconds;
    }

    /** The latency (ms) at or below which {@code quantile} of the answered requests fall (nearest rank). */
    double millisAt(double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    String summary() {
        return String.format("%,.0f req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms (%,d answered, %d failed)",
                perSecond(), millisAt(0.50), millisAt(0.99), millisAt(0.999), millisAt(1.0), answered(), failed);
    }
}
