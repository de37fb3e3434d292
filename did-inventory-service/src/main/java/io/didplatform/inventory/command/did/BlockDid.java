package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Restricts the owning client's ACTIVE DID. */
public record BlockDid(@TargetAggregateIdentifier String number, String clientId) {
}
