package io.didplatform.clients.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnblockDid(@TargetAggregateIdentifier String clientId, String number) {
}
