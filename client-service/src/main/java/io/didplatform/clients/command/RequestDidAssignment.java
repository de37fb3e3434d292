package io.didplatform.clients.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * The client asks for {@code number} under a client package; {@code terms} is null when the package is unknown.
 * Without inventory's answer by {@code answerDue} the request fails with TIMEOUT and frees its slot.
 */
public record RequestDidAssignment(@TargetAggregateIdentifier String clientId, UUID requestId, String number,
                                   String clientPackageId, String destination, ClientPackageTerms terms,
                                   Instant answerDue) {
}
