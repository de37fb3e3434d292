package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff edit: a null field stays as it is; an empty tag or notes clears it. */
public record UpdateDid(@TargetAggregateIdentifier String number, String operatorId, DidStatus status,
                        DidStatus afterHoldStatus, String tag, String notes) {
}
