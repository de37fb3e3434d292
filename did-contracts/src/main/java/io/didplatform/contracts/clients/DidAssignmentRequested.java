package io.didplatform.contracts.clients;

import java.util.List;
import java.util.UUID;

/** A client asked for a DID under a client package; the quota slot is held until inventory answers. */
public record DidAssignmentRequested(String clientId, UUID requestId, String number, String clientPackageId,
                                     String destination, List<String> allowedTags) implements ClientEvent {
    @Override
    public String subject() {
        return clientId;
    }
}
