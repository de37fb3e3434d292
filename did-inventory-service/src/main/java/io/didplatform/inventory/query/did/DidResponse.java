package io.didplatform.inventory.query.did;

import io.didplatform.contracts.inventory.DidStatus;

import java.time.Instant;

/** A DID as clients see it (docs/api.md), with when it was created and last changed. */
public record DidResponse(String number, DidStatus status, DidStatus afterHoldStatus, String operatorId, String tag,
                          String notes, String clientId, String clientPackageId, String destination,
                          Instant holdUntil, Instant createdAt, Instant updatedAt) {
}
