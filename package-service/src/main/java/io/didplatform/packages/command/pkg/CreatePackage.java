package io.didplatform.packages.command.pkg;

import io.didplatform.contracts.packages.PackageStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record CreatePackage(@TargetAggregateIdentifier String packageId, String name, int didLimit, List<String> tags,
                            String description, PackageStatus status) {
}
