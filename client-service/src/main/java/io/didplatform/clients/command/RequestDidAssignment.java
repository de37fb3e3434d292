package io.didplatform.clients.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The client asks for {@code number} under a client package; {@code terms} is null when the package is unknown. */
public record RequestDidAssignment(@TargetAggregateIdentifier String clientId, UUID requestId, String number,
                                   String clientPackageId, String destination, ClientPackageTerms terms) {
}
