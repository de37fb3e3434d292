package io.didplatform.inventory.command.operator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteOperator(@TargetAggregateIdentifier String operatorId) {
}
