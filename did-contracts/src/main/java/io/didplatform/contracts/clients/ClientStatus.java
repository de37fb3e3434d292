package io.didplatform.contracts.clients;

/** Whether a client may take DIDs. */
public enum ClientStatus {
    ACTIVE, SUSPENDED, CLOSED
}
