package io.didplatform.contracts.inventory;

/** A number entered the inventory. */
public record DidCreated(String number, String operatorId, DidStatus status, DidStatus afterHoldStatus,
                         String tag, String notes) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
