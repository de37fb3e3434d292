package io.didplatform.packages.command.clientpackage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Gives a package to a client; {@code startsAt}/{@code endsAt} are optional, {@code now} is when it was asked. */
public record CreateClientPackage(@TargetAggregateIdentifier String clientPackageId, String clientId, String packageId,
                                  Instant startsAt, Instant endsAt, Instant now) {
}
