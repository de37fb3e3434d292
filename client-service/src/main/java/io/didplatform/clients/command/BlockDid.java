package io.didplatform.clients.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record BlockDid(@TargetAggregateIdentifier String clientId, String number) {
}
