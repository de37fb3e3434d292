package io.didplatform.contracts.clients;

import java.util.UUID;

/** Inventory assigned the DID: the slot is used. */
public record DidAssignmentConfirmed(String clientId, UUID requestId, String number, String clientPackageId)
        implements ClientEvent {
    @Override
    public String subject() {
        return clientId;
    }
}
