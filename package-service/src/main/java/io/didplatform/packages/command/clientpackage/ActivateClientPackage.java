package io.didplatform.packages.command.clientpackage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ActivateClientPackage(@TargetAggregateIdentifier String clientPackageId, Instant now) {
}
