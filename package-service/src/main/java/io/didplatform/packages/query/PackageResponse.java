package io.didplatform.packages.query;

import io.didplatform.contracts.packages.PackageStatus;

import java.time.Instant;
import java.util.List;

public record PackageResponse(String id, String name, int didLimit, List<String> tags, String description,
                              PackageStatus status, Instant createdAt, Instant updatedAt) {
}
