package io.didplatform.contracts.inventory;

import java.time.Instant;

/**
 * The DID is RESERVED until {@code reservedUntil} for a client ({@code clientId}) and/or a sales deal
 * ({@code deal}, free text); only that client may take it meanwhile. {@code previousStatus} is what it returns to
 * when the reservation is released or expires.
 */
public record DidReserved(String number, String clientId, String deal, Instant reservedUntil,
                          DidStatus previousStatus) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
