package io.didplatform.audit.query;

import java.time.Instant;

/**
 * A DID as it was at some moment: the fields of the DID shape clients see (docs/api.md), plus the hold reason, and since when and through
 * which event it had exactly these values.
 */
public record DidSnapshot(String number, String status, String afterHoldStatus, String operatorId, String tag,
                          String notes, String clientId, String clientPackageId, String destination,
                          Instant holdUntil, String holdReason, Instant since, String sinceEventId) {
}
