package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends the DID's reservation now: it returns to its status before. */
public record ReleaseReservation(@TargetAggregateIdentifier String number) {
}
