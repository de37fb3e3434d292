package io.didplatform.packages.command.pkg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeletePackage(@TargetAggregateIdentifier String packageId) {
}
