package io.didplatform.inventory.command.operator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateOperator(@TargetAggregateIdentifier String operatorId, String name, String notes) {
}
