package io.didplatform.contracts.inventory;

/** The hold ended: the DID took its after-hold {@code status}; client, package and destination are cleared. */
public record DidReleased(String number, DidStatus status) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
