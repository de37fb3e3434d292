package io.didplatform.clients.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client gives the number back. */
public record ReturnDid(@TargetAggregateIdentifier String clientId, String number) {
}
