package io.didplatform.contracts.inventory;

import java.util.EnumSet;
import java.util.Set;

/** A DID's lifecycle status (docs/design.md, "The DID lifecycle"). */
public enum DidStatus {
    IN_STOCK, RESERVED, ARCHIVE, ACTIVE, BLOCKED, HOLD;

    /** The statuses staff may set by hand; also the only valid after-hold statuses. */
    public static final Set<DidStatus> STAFF_SETTABLE = EnumSet.of(IN_STOCK, RESERVED, ARCHIVE);

    public boolean isStaffSettable() {
        return STAFF_SETTABLE.contains(this);
    }

    public boolean isRoutable() {
        return this == ACTIVE;
    }
}
