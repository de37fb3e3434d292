package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Brings a (normalised) number into the inventory; a deleted number may be created again. */
public record CreateDid(@TargetAggregateIdentifier String number, String operatorId, DidStatus status,
                        DidStatus afterHoldStatus, String tag, String notes) {
}
