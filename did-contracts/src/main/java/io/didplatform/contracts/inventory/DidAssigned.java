package io.didplatform.contracts.inventory;

import java.util.UUID;

/** A client took the DID under a client package: it is ACTIVE and routes to {@code destination}. */
public record DidAssigned(String number, UUID requestId, String clientId, String clientPackageId,
                          String destination) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
