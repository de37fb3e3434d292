package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidStatus;

/** A validated DID to create in bulk: normalised number, existing operator id, staff-settable statuses. */
public record NewDid(String number, String operatorId, DidStatus status, DidStatus afterHoldStatus, String tag,
                     String notes) {

    public CreateDid toCommand() {
        return new CreateDid(number, operatorId, status, afterHoldStatus, tag, notes);
    }
}
