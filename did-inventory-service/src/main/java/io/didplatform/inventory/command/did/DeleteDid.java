package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteDid(@TargetAggregateIdentifier String number) {
}
