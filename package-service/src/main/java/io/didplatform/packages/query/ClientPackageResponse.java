package io.didplatform.packages.query;

import io.didplatform.contracts.packages.DeactivationReason;

import java.time.Instant;
import java.util.List;

/** A client package with its DID usage: {@code used} of {@code didLimit}. */
public record ClientPackageResponse(String id, String clientId, String packageId, ClientPackageStatus status,
                                    DeactivationReason deactivationReason, int didLimit, int used, List<String> tags,
                                    Instant startsAt, Instant endsAt, Instant createdAt, Instant updatedAt) {
}
