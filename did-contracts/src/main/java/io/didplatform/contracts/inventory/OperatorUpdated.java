package io.didplatform.contracts.inventory;

/** An operator's name or notes changed; carries the new values. */
public record OperatorUpdated(String operatorId, String name, String notes) implements InventoryEvent {
    @Override
    public String subject() {
        return operatorId;
    }
}
