package io.didplatform.contracts.inventory;

/** Staff changed a DID's attributes; carries every attribute's new value. */
public record DidUpdated(String number, String operatorId, DidStatus status, DidStatus afterHoldStatus,
                         String tag, String notes) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
