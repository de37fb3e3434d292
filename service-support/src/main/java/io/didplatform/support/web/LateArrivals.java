package io.didplatform.support.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting, briefly, for what was just written to become visible where a request looks for it: another service's
 * creation arriving over Kafka a second or two later, or this service's read model catching up with its event
 * store. A request naming something just created should not be refused for that lag, nor answer with what a GET
 * right after would contradict. Lookups read tables rather than await a signal, because any instance of the
 * service may be the one that consumes the event.
 */
public final class LateArrivals {
    private static final Duration POLL = Duration.ofMillis(100);

    private LateArrivals() {
    }

    /**
     * The lookup's first non-empty answer within {@code within}, or empty. Measured on the monotonic timer, not the
     * clock: a wait, not a time of day.
     */
    public static <T> Optional<T> await(Supplier<Optional<T>> lookup, Duration within) {
        long giveUp = System.nanoTime() + within.toNanos();
        Optional<T> found = lookup.get();
        while (found.isEmpty() && System.nanoTime() - giveUp < 0) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
            found = lookup.get();
        }
        return found;
    }

    /** Whether the condition held within {@code within}. */
    public static boolean until(BooleanSupplier condition, Duration within) {
        return await(() -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), within).isPresent();
    }
}
