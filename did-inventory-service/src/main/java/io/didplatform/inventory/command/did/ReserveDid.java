package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Reserves an IN_STOCK DID for a client and/or a sales deal until {@code reservedUntil} (after {@code now}). */
public record ReserveDid(@TargetAggregateIdentifier String number, String clientId, String deal,
                         Instant reservedUntil, Instant now) {
}
