package io.didplatform.contracts.clients;

/** The client gives the DID back: it goes on HOLD (RELEASED) and the slot is freed. */
public record DidReturnRequested(String clientId, String number, String clientPackageId) implements ClientEvent {
    @Override
    public String subject() {
        return clientId;
    }
}
