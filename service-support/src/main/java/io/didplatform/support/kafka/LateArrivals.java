package io.didplatform.support.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting, briefly, for what another service has just created to reach this one over Kafka (a second or two):
 * a request naming it right after its creation should not be refused for that lag. The lookup reads this
 * service's own table rather than awaiting a signal, because any instance of the service may be the one that
 * consumes the event.
 */
public final class LateArrivals {
    private static final Duration POLL = Duration.ofMillis(100);

    private LateArrivals() {
    }

    /** The lookup's first non-empty answer within {@code within}, or empty. */
    public static <T> Optional<T> await(Supplier<Optional<T>> lookup, Duration within) {
        Instant giveUp = Instant.now().plus(within);
        Optional<T> found = lookup.get();
        while (found.isEmpty() && Instant.now().isBefore(giveUp)) {
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
}
