package io.didplatform.contracts.packages;

/** An event published by package-service on {@code package.events}. */
public interface PackageEvent {
    /** The aggregate id: a package id or a client package id. Used as the Kafka key and CloudEvent subject. */
    String subject();
}
