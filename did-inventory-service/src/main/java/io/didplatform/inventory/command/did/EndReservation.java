package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Ends the DID's reservation if it was due by {@code dueBy}: sent for DIDs whose recorded reservation end has
 * passed. One released, taken or extended in the meantime is left alone, so a late or repeated command changes
 * nothing.
 */
public record EndReservation(@TargetAggregateIdentifier String number, Instant dueBy) {
}
