package io.didplatform.contracts;

/** Kafka topics, one per producing service (docs/events.md). */
public final class Topics {
    public static final String DID_INVENTORY = "did-inventory.events";
    public static final String PACKAGE = "package.events";
    public static final String CLIENT = "client.events";

    private Topics() {
    }
}
