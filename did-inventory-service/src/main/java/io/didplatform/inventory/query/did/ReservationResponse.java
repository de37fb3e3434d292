package io.didplatform.inventory.query.did;

import io.didplatform.contracts.inventory.DidStatus;

import java.time.Instant;

/** A DID's status and its reservation: for which client and/or deal, until when (all null when not reserved). */
public record ReservationResponse(String number, DidStatus status, String clientId, String deal,
                                  Instant reservedUntil) {

    public boolean reserved() {
        return reservedUntil != null;
    }
}
