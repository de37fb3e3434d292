package io.didplatform.support.deadletter;

import org.axonframework.messaging.deadletter.ThrowableCause;

/** A failure as a dead letter keeps it: its type and message, in the size of {@code dead_letter_entry}'s column. */
final class DeadLetterCauses {
    /** {@code dead_letter_entry.cause_message} is a {@code varchar(1023)}. */
    private static final int MESSAGE_SIZE = 1023;

    private DeadLetterCauses() {
    }

    static ThrowableCause of(Throwable failure) {
        return new ThrowableCause(failure.getClass().getName(), Text.storable(Failures.describe(failure), MESSAGE_SIZE));
    }
}
