package io.didplatform.contracts.inventory;

/** An ACTIVE DID was restricted: it no longer routes. */
public record DidBlocked(String number) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
