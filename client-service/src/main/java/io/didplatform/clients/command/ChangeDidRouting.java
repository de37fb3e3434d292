package io.didplatform.clients.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeDidRouting(@TargetAggregateIdentifier String clientId, String number, String destination) {
}
