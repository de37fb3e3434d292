package io.didplatform.contracts.clients;

/** Staff lifted a client DID's restriction. */
public record DidUnblockRequested(String clientId, String number) implements ClientEvent {
    @Override
    public String subject() {
        return clientId;
    }
}
