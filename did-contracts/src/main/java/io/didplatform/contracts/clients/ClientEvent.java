package io.didplatform.contracts.clients;

/** An event published by client-service on {@code client.events}. */
public interface ClientEvent {
    /** The aggregate id: a client id. Used as the Kafka key and CloudEvent subject. */
    String subject();
}
