package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.AssignmentRejection;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidAssignmentRejected;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.HoldReason;
import io.didplatform.inventory.command.registry.ClientPackageHoldings;
import io.didplatform.inventory.command.registry.ClientPackageHoldings.PackageState;

import java.time.Instant;
import java.util.List;

/**
 * What a DID's client lifecycle decides, from the DID's state: whether a client gets it, and how it follows its
 * client package (held while the package is inactive, restored when it is active again, released when it is
 * terminated or the client returns the DID). Each decision is the events to apply, none when nothing changes.
 */
record ClientLifecycle(String number, DidStatus status, String tag, Assignment assignment, Hold hold) {

    /** Assigns an IN_STOCK DID whose tag the package allows; held at once if the package is not active now. */
    List<Object> assign(AssignDid command, ClientPackageHoldings holdings) {
        if (status != DidStatus.IN_STOCK) {
            return List.of(rejection(command, AssignmentRejection.NOT_IN_STOCK));
        }
        if (!DidFields.tagAllowed(tag, command.allowedTags())) {
            return List.of(rejection(command, AssignmentRejection.TAG_NOT_ALLOWED));
        }
        DidAssigned assigned = new DidAssigned(number, command.requestId(), command.clientId(),
                command.clientPackageId(), command.destination());
        PackageState packageState = holdings.lockState(command.clientPackageId());
        if (packageState == PackageState.ACTIVE) {
            return List.of(assigned);
        }
        // the package was deactivated (or terminated) while the request travelled
        HoldReason reason = packageState == PackageState.TERMINATED ? HoldReason.RELEASED : HoldReason.PACKAGE_INACTIVE;
        return List.of(assigned, Hold.start(number, command.clientPackageId(), reason, command.holdUntilIfInactive(),
                DidStatus.ACTIVE));
    }

    /** Brings the DID in line with its client package's state. */
    List<Object> follow(PackageState packageState, Instant holdUntil) {
        return switch (packageState) {
            case TERMINATED -> release(holdUntil);
            case INACTIVE -> inUse() ? List.of(hold(HoldReason.PACKAGE_INACTIVE, holdUntil)) : List.of();
            case ACTIVE -> restorable() ? List.of(hold.restore(number, assignment.clientPackageId())) : List.of();
        };
    }

    /** Gives the DID up for good: on HOLD (RELEASED), which no restore undoes; an existing hold keeps its end. */
    List<Object> release(Instant holdUntil) {
        if (inUse()) {
            return List.of(hold(HoldReason.RELEASED, holdUntil));
        }
        return restorable() ? List.of(hold.release(number, assignment.clientPackageId())) : List.of();
    }

    static DidAssignmentRejected rejection(AssignDid command, AssignmentRejection reason) {
        return new DidAssignmentRejected(command.number(), command.requestId(), command.clientId(),
                command.clientPackageId(), reason);
    }

    private boolean inUse() {
        return status == DidStatus.ACTIVE || status == DidStatus.BLOCKED;
    }

    private boolean restorable() {
        return status == DidStatus.HOLD && hold.restorable();
    }

    private DidHeld hold(HoldReason reason, Instant until) {
        return Hold.start(number, assignment.clientPackageId(), reason, until, status);
    }
}
