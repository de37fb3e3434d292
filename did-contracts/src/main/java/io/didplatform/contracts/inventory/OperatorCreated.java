package io.didplatform.contracts.inventory;

/** A DID provider was registered. */
public record OperatorCreated(String operatorId, String name, String notes) implements InventoryEvent {
    @Override
    public String subject() {
        return operatorId;
    }
}
