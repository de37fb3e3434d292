package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Ends the DID's hold if it was due by {@code dueBy}: sent for DIDs whose recorded hold end has passed. A hold
 * that was restored, or renewed with a later end, in the meantime is left alone, so a late or repeated command
 * changes nothing.
 */
public record EndHold(@TargetAggregateIdentifier String number, Instant dueBy) {
}
