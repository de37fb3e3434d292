package io.didplatform.audit.query;

import java.time.Instant;

/** Which DIDs of the inventory as of {@code at} to list; every filter optional. */
public record InventoryFilter(Instant at, String status, String operatorId, String tag, String clientId) {
}
