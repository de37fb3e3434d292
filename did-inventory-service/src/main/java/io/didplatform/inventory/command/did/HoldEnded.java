package io.didplatform.inventory.command.did;

import java.time.Instant;

/** Deadline payload: the hold that was to last until {@code holdUntil} is over. */
public record HoldEnded(String number, Instant holdUntil) {
}
