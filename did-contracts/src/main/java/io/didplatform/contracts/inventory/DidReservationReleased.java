package io.didplatform.contracts.inventory;

/**
 * The reservation ended before its time: staff released it, or its client took the DID (a DidAssigned follows).
 * The DID is {@code status} (its status before the reservation) again.
 */
public record DidReservationReleased(String number, DidStatus status) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
