package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Moves the DID's reservation's end to {@code reservedUntil}, later than its current end. */
public record ExtendReservation(@TargetAggregateIdentifier String number, Instant reservedUntil, Instant now) {
}
