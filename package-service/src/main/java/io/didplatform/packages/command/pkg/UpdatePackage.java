package io.didplatform.packages.command.pkg;

import io.didplatform.contracts.packages.PackageStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Replaces every attribute of a package. */
public record UpdatePackage(@TargetAggregateIdentifier String packageId, String name, int didLimit, List<String> tags,
                            String description, PackageStatus status) {
}
