package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.HoldReason;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A DID's hold: why, until when, and the status it had before (a restore gives that back). A hold for an inactive
 * package is undone when the package is active again; a release (returned, or its package terminated) is for good.
 */
record Hold(HoldReason reason, Instant until, DidStatus statusBefore) {

    static Hold of(DidHeld event) {
        return new Hold(event.reason(), event.holdUntil(), event.previousStatus());
    }

    /** A new hold of a DID now in {@code status}, ending at {@code until} as PostgreSQL keeps it (microseconds). */
    static DidHeld start(String number, String clientPackageId, HoldReason reason, Instant until, DidStatus status) {
        return new DidHeld(number, clientPackageId, reason, until.truncatedTo(ChronoUnit.MICROS), status);
    }

    boolean restorable() {
        return reason == HoldReason.PACKAGE_INACTIVE;
    }

    /** Whether the hold is over by {@code time}; a hold renewed with a later end is not. */
    boolean endedBy(Instant time) {
        return !until.isAfter(time);
    }

    DidRestored restore(String number, String clientPackageId) {
        return new DidRestored(number, clientPackageId, statusBefore);
    }

    /** The same hold made a release: its end and earlier status kept. */
    DidHeld release(String number, String clientPackageId) {
        return new DidHeld(number, clientPackageId, HoldReason.RELEASED, until, statusBefore);
    }
}
