package io.didplatform.packages.command.clientpackage;

import io.didplatform.contracts.packages.DeactivationReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivateClientPackage(@TargetAggregateIdentifier String clientPackageId, DeactivationReason reason) {
}
