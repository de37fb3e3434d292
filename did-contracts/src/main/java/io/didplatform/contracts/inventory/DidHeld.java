package io.didplatform.contracts.inventory;

import java.time.Instant;

/** The DID is on HOLD until {@code holdUntil}: not routable. {@code previousStatus} is what a restore returns to. */
public record DidHeld(String number, String clientPackageId, HoldReason reason, Instant holdUntil,
                      DidStatus previousStatus) implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }
}
