package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidStatus;

/**
 * A DID to create, held to {@link DidFields}' rules: normalised number, staff-settable statuses (IN_STOCK when
 * none is given), trimmed tag and notes within their lengths. Refuses with a {@code DomainException} otherwise.
 */
public record NewDid(String number, String operatorId, DidStatus status, DidStatus afterHoldStatus, String tag,
                     String notes) {

    public NewDid {
        DidFields.requireNumber(number);
        status = DidFields.initial(status, "status");
        afterHoldStatus = DidFields.initial(afterHoldStatus, "afterHoldStatus");
        tag = DidFields.tag(tag);
        notes = DidFields.notes(notes);
    }

    static NewDid of(CreateDid command) {
        return new NewDid(command.number(), command.operatorId(), command.status(), command.afterHoldStatus(),
                command.tag(), command.notes());
    }

    public CreateDid toCommand() {
        return new CreateDid(number, operatorId, status, afterHoldStatus, tag, notes);
    }

    /** The DID's first event (or first after a deletion). */
    DidCreated created() {
        return new DidCreated(number, operatorId, status, afterHoldStatus, tag, notes);
    }
}
