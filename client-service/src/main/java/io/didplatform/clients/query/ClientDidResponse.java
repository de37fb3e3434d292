package io.didplatform.clients.query;

import java.util.UUID;

/** One of a client's DIDs; {@code status} is PENDING while inventory has not answered, then inventory's status. */
public record ClientDidResponse(String number, String status, String clientPackageId, String packageName,
                                String destination, UUID requestId) {
}
