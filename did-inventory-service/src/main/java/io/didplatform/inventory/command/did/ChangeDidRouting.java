package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owning client routes the DID's calls to {@code destination}. */
public record ChangeDidRouting(@TargetAggregateIdentifier String number, String clientId, String destination) {
}
