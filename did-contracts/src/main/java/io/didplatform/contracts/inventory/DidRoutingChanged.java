package io.didplatform.contracts.inventory;

/** Calls to the DID now route to {@code destination}. */
public record DidRoutingChanged(String number, String destination) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
