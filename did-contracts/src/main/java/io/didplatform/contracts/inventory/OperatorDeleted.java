package io.didplatform.contracts.inventory;

/** An operator was removed; no DID referenced it. */
public record OperatorDeleted(String operatorId) implements InventoryEvent {
    @Override
    public String subject() {
        return operatorId;
    }
}
