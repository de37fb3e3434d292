package io.didplatform.contracts.inventory;

/** The client package came back before the hold ended: the DID is {@code status} (ACTIVE or BLOCKED) again. */
public record DidRestored(String number, String clientPackageId, DidStatus status) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
