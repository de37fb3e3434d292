package io.didplatform.contracts.clients;

/** The client wants calls to the DID routed to {@code destination}. */
public record DidRoutingChangeRequested(String clientId, String number, String destination) implements ClientEvent {
    @Override
    public String subject() {
        return clientId;
    }
}
