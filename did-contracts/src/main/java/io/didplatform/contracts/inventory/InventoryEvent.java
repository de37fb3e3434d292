package io.didplatform.contracts.inventory;

/** An event published by did-inventory-service on {@code did-inventory.events}. */
public interface InventoryEvent {
    /** The aggregate id: an operator id or a DID number. Used as the Kafka key and CloudEvent subject. */
    String subject();
}
