package io.didplatform.clients.command;

import io.didplatform.contracts.inventory.AssignmentRejection;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Inventory refused the number (DidAssignmentRejected). */
public record FailDidAssignment(@TargetAggregateIdentifier String clientId, UUID requestId, String number,
                                AssignmentRejection reason) {
}
