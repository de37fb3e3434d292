package io.didplatform.inventory.web;

import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.support.web.DomainException;

/** Requests may name only the statuses staff set by hand; the aggregate checks again, this answers before any job. */
final class StaffStatuses {
    private StaffStatuses() {
    }

    static void require(DidStatus status, String field) {
        if (status != null && !status.isStaffSettable()) {
            throw DomainException.invalid("STATUS_NOT_SETTABLE", field + " " + status
                    + " cannot be set by hand; use IN_STOCK, RESERVED or ARCHIVE");
        }
    }
}
