package io.didplatform.clients.command;

import io.didplatform.contracts.clients.ClientStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateClient(@TargetAggregateIdentifier String clientId, String name, String email, ClientStatus status) {
}
