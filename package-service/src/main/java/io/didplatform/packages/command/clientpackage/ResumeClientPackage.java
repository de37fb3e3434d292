package io.didplatform.packages.command.clientpackage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Its client is active again: reactivate it where it still may be, else leave it as it is, without refusing. */
public record ResumeClientPackage(@TargetAggregateIdentifier String clientPackageId, Instant now) {
}
