package io.didplatform.clients.query;

import io.didplatform.contracts.clients.ClientStatus;

import java.time.Instant;

public record ClientResponse(String id, String name, String email, ClientStatus status, Instant createdAt,
                             Instant updatedAt) {
}
