package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts the restriction of the owning client's BLOCKED DID. */
public record UnblockDid(@TargetAggregateIdentifier String number, String clientId) {
}
