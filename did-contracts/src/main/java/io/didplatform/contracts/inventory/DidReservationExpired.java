package io.didplatform.contracts.inventory;

/** The reservation reached its end untaken: the DID is {@code status} (its status before the reservation) again. */
public record DidReservationExpired(String number, DidStatus status) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
