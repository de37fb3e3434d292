package io.didplatform.clients.event;

/**
 * Service-internal event (not published): inventory released a DID the client still counted, so its slot is
 * free. A DID the client gave back was already freed by DidReturnRequested.
 */
public record ClientDidReleased(String clientId, String number, String clientPackageId) {
}
