package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUpdated;

/** What staff keep on a DID besides its status: the operator providing it, its status after a hold, tag, notes. */
record StaffFields(String operatorId, DidStatus afterHoldStatus, String tag, String notes) {

    static StaffFields of(DidCreated event) {
        return new StaffFields(event.operatorId(), event.afterHoldStatus(), event.tag(), event.notes());
    }

    static StaffFields of(DidUpdated event) {
        return new StaffFields(event.operatorId(), event.afterHoldStatus(), event.tag(), event.notes());
    }

    static StaffFields of(DidChangeUndone event) {
        return new StaffFields(event.operatorId(), event.afterHoldStatus(), event.tag(), event.notes());
    }

    /** These fields with the edit's (held to {@link DidFields}): a null field stays, an empty tag or notes clears. */
    StaffFields edited(UpdateDid command) {
        return new StaffFields(command.operatorId() == null ? operatorId : command.operatorId(),
                command.afterHoldStatus() == null ? afterHoldStatus
                        : DidFields.settable(command.afterHoldStatus(), "afterHoldStatus"),
                command.tag() == null ? tag : DidFields.tag(command.tag()),
                command.notes() == null ? notes : DidFields.notes(command.notes()));
    }

    DidUpdated updated(String number, DidStatus status) {
        return new DidUpdated(number, operatorId, status, afterHoldStatus, tag, notes);
    }
}
