package io.didplatform.packages.command.clientpackage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TerminateClientPackage(@TargetAggregateIdentifier String clientPackageId) {
}
