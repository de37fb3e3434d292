package io.didplatform.clients.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Inventory assigned the number (DidAssigned), under {@code clientPackageId}. */
public record ConfirmDidAssignment(@TargetAggregateIdentifier String clientId, UUID requestId, String number,
                                   String clientPackageId) {
}
