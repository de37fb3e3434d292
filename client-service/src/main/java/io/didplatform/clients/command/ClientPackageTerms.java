package io.didplatform.clients.command;

import java.util.List;

/**
 * What package-service last said about a client package (learned from {@code package.events}), handed to the
 * aggregate with the request so that the aggregate decides with no I/O of its own.
 */
public record ClientPackageTerms(String clientPackageId, String clientId, int didLimit, List<String> tags,
                                 boolean active) {
    public ClientPackageTerms {
        tags = List.copyOf(tags);
    }
}
