package io.didplatform.clients.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Inventory ended the number's hold and cleared its client (DidReleased). */
public record ReleaseDid(@TargetAggregateIdentifier String clientId, String number) {
}
