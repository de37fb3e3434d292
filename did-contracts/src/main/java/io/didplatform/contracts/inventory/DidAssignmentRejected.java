package io.didplatform.contracts.inventory;

import java.util.UUID;

/** Inventory refused a client's request for the DID. */
public record DidAssignmentRejected(String number, UUID requestId, String clientId, String clientPackageId,
                                    AssignmentRejection reason) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
