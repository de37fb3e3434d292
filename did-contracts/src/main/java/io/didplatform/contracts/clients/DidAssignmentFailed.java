package io.didplatform.contracts.clients;

import io.didplatform.contracts.inventory.AssignmentRejection;

import java.util.UUID;

/** The request failed: the slot is free again. */
public record DidAssignmentFailed(String clientId, UUID requestId, String number, String clientPackageId,
                                  AssignmentRejection reason) implements ClientEvent {
    @Override
    public String subject() {
        return clientId;
    }
}
