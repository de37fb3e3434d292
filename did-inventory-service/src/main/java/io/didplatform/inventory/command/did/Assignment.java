package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidAssigned;

import java.util.UUID;

/** Who has the DID: the client, under which client package, routed where, granted for which request. */
record Assignment(String clientId, String clientPackageId, String destination, UUID requestId) {
    /** A DID no client has. */
    static final Assignment NONE = new Assignment(null, null, null, null);

    static Assignment of(DidAssigned event) {
        return new Assignment(event.clientId(), event.clientPackageId(), event.destination(), event.requestId());
    }

    boolean ownedBy(String client) {
        return clientId != null && clientId.equals(client);
    }

    boolean under(String otherClientPackageId) {
        return otherClientPackageId.equals(clientPackageId);
    }

    Assignment routedTo(String newDestination) {
        return new Assignment(clientId, clientPackageId, newDestination, requestId);
    }
}
