package io.didplatform.contracts.clients;

/** A client was registered. */
public record ClientCreated(String clientId, String name, String email, ClientStatus status) implements ClientEvent {
    @Override
    public String subject() {
        return clientId;
    }
}
