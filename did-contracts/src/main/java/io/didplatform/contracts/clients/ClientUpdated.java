package io.didplatform.contracts.clients;

/** A client changed; carries every attribute's new value. */
public record ClientUpdated(String clientId, String name, String email, ClientStatus status) implements ClientEvent {
    @Override
    public String subject() {
        return clientId;
    }
}
