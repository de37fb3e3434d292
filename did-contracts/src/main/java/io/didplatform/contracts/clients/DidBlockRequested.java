package io.didplatform.contracts.clients;

/** Staff restricted a client's DID. */
public record DidBlockRequested(String clientId, String number) implements ClientEvent {
    @Override
    public String subject() {
        return clientId;
    }
}
