package io.didplatform.inventory.query.operator;

import java.time.Instant;

public record OperatorResponse(String id, String name, String notes, Instant createdAt) {
}
