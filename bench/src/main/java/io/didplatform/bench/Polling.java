package io.didplatform.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for an effect the way the harnesses do: asking again every few ms, for at most a patience. */
final class Polling {
    private Polling() {
    }

    static void until(BooleanSupplier effect, Duration patience, long everyMillis) throws InterruptedException {
        long giveUp = System.nanoTime() + patience.toNanos();
        while (!effect.getAsBoolean()) {
            if (System.nanoTime() - giveUp > 0) {
                throw new IllegalStateException("no effect within " + patience);
            }
            Thread.sleep(everyMillis);
        }
    }

    /** Milliseconds since {@code nanos} ({@link System#nanoTime()}). */
    static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }
}
