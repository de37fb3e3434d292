package io.didplatform.support.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Lets a write answer once its effect is visible to the caller's next read: the read models follow the event
 * store a moment after the command commits, and a list fetched right after a 201 must not miss what was created.
 * Waits at most {@code did.web.read-wait}; past that the write still answers (the read model is behind, not
 * wrong) and the caller sees the change a moment later.
 */
public class ReadYourWrites {
    private final Duration within;

    public ReadYourWrites(Duration within) {
        this.within = within;
    }

    /** The lookup's first non-empty answer, or empty when the read model did not show it in time. */
    public <T> Optional<T> await(Supplier<Optional<T>> lookup) {
        return LateArrivals.await(lookup, within);
    }

    /** Whether the read model showed the condition in time. */
    public boolean until(BooleanSupplier condition) {
        return LateArrivals.until(condition, within);
    }
}
