package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Brings a DID of the client package in line with that package's current state, as the command side knows it:
 * inactive → HOLD (PACKAGE_INACTIVE) until {@code holdUntil}; active again → restored; terminated → HOLD
 * (RELEASED). Sent by the hold cascade for each DID the package holds; a DID already in line changes nothing,
 * so the cascade may be repeated and its commands may arrive in any order.
 */
public record FollowClientPackage(@TargetAggregateIdentifier String number, String clientPackageId, Instant holdUntil) {
}
