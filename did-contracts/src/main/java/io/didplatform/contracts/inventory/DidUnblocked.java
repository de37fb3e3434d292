package io.didplatform.contracts.inventory;

/** A BLOCKED DID is ACTIVE and routes again. */
public record DidUnblocked(String number) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
