package io.didplatform.contracts.inventory;

/** A number left the inventory; its history stays, and it may be created again. */
public record DidDeleted(String number) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
