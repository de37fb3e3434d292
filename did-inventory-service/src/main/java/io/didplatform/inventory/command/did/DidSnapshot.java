package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidStatus;

import java.time.Instant;

/** A DID's state right after a command changed it, for answering the request without waiting for the read model. */
public record DidSnapshot(String number, DidStatus status, DidStatus afterHoldStatus, String operatorId, String tag,
                          String notes, String clientId, String clientPackageId, String destination,
                          Instant holdUntil) {
}
