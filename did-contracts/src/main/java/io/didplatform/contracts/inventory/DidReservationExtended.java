package io.didplatform.contracts.inventory;

import java.time.Instant;

/** The DID's reservation now lasts until {@code reservedUntil}. */
public record DidReservationExtended(String number, Instant reservedUntil) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
