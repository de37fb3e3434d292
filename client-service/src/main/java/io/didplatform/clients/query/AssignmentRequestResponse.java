package io.didplatform.clients.query;

import java.time.Instant;
import java.util.UUID;

/** A request for a number: {@code status} PENDING, CONFIRMED or FAILED ({@code reason} says why). */
public record AssignmentRequestResponse(UUID requestId, String clientId, String number, String clientPackageId,
                                        String destination, String status, String reason, Instant requestedAt,
                                        Instant decidedAt) {
    public static final String PENDING = "PENDING";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String FAILED = "FAILED";

    public boolean decided() {
        return !PENDING.equals(status);
    }
}
