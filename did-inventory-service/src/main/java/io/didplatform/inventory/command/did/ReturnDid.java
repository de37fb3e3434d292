package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The owning client gives the DID back: it goes on HOLD (RELEASED) until {@code holdUntil}. */
public record ReturnDid(@TargetAggregateIdentifier String number, String clientId, Instant holdUntil) {
}
