package io.didplatform.inventory.command.did;

import io.didplatform.contracts.DidNumber;
import io.didplatform.contracts.InvalidDidNumberException;
import io.didplatform.contracts.inventory.AssignmentRejection;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidAssignmentRejected;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.contracts.inventory.HoldReason;
import io.didplatform.inventory.command.registry.ClientPackageHoldings;
import io.didplatform.inventory.command.registry.ClientPackageHoldings.PackageState;
import io.didplatform.inventory.command.registry.DidRegistry;
import io.didplatform.support.web.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One number of the inventory; its id is the normalised number. A deleted DID keeps its history and may be
 * created again, so the aggregate is never marked deleted: {@code exists} says whether the number is in the
 * inventory now. Client, package, destination and hold deadline are the state later flows (assignment, hold,
 * routing) act on.
 */
@Aggregate(cache = "didAggregateCache")
public class DidAggregate {

    @AggregateIdentifier
    private String number;
    private boolean exists;
    private DidStatus status;
    private DidStatus afterHoldStatus;
    private String operatorId;
    private String tag;
    private String notes;
    private String clientId;
    private String clientPackageId;
    private String destination;
    private Instant holdUntil;
    private HoldReason holdReason;
    private DidStatus statusBeforeHold;
    private UUID requestId;

    public DidAggregate() {
        // for Axon's aggregate factory (config.DidAggregateConfiguration)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateDid command, DidRegistry registry) {
        if (!DidNumber.isNormalised(command.number())) {
            throw DomainException.invalid(InvalidDidNumberException.CODE, DidNumber.refusal(command.number()));
        }
        if (exists) {
            throw DomainException.conflict("DID_EXISTS", "DID " + command.number() + " already exists");
        }
        DidStatus initial = command.status() == null ? DidStatus.IN_STOCK : requireSettable(command.status(), "status");
        DidStatus afterHold = command.afterHoldStatus() == null ? DidStatus.IN_STOCK
                : requireSettable(command.afterHoldStatus(), "afterHoldStatus");
        registry.claim(command.number(), command.operatorId());
        apply(new DidCreated(command.number(), command.operatorId(), initial, afterHold,
                blankToNull(command.tag()), blankToNull(command.notes())));
    }

    @CommandHandler
    DidSnapshot handle(UpdateDid command, DidRegistry registry) {
        requireExists();
        DidStatus newStatus = command.status() == null ? status : requireSettable(command.status(), "status");
        DidStatus newAfterHold = command.afterHoldStatus() == null ? afterHoldStatus
                : requireSettable(command.afterHoldStatus(), "afterHoldStatus");
        if (newStatus != status && !status.isStaffSettable()) {
            throw DomainException.conflict("DID_HELD_BY_CLIENT", "DID " + number + " is " + status
                    + " for client " + clientId + "; its status changes only through the client's DIDs");
        }
        String newOperator = command.operatorId() == null ? operatorId : command.operatorId();
        String newTag = command.tag() == null ? tag : blankToNull(command.tag());
        String newNotes = command.notes() == null ? notes : blankToNull(command.notes());
        if (newStatus == status && newAfterHold == afterHoldStatus && newOperator.equals(operatorId)
                && Objects.equals(newTag, tag) && Objects.equals(newNotes, notes)) {
            return snapshot();
        }
        if (!newOperator.equals(operatorId)) {
            registry.changeOperator(number, newOperator);
        }
        apply(new DidUpdated(number, newOperator, newStatus, newAfterHold, newTag, newNotes));
        return snapshot();
    }

    @CommandHandler
    void handle(DeleteDid command, DidRegistry registry) {
        requireExists();
        if (!status.isStaffSettable()) {
            throw DomainException.conflict("DID_NOT_DELETABLE", "DID " + number + " is " + status
                    + "; only IN_STOCK, RESERVED or ARCHIVE DIDs can be deleted");
        }
        registry.release(number);
        apply(new DidDeleted(number));
    }

    // The client side of the lifecycle. These commands come from other services' events: a refusal is an event
    // or nothing, never an exception (that would only make the inbound event be delivered again and again).
    // CREATE_IF_MISSING lets them reach a number that never had a DID, which they then leave without a stream.

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AssignDid command, ClientPackageHoldings holdings, EventBus eventBus) {
        if (!exists) {
            // a fact about the request, not about a DID: stored and published on its own (through the outbox like
            // every event), so no Did stream is started for a number nobody created
            eventBus.publish(GenericEventMessage.asEventMessage(rejection(command, AssignmentRejection.UNKNOWN_NUMBER)));
            return;
        }
        if (command.requestId().equals(requestId)) {
            return; // this request was granted already
        }
        if (status != DidStatus.IN_STOCK) {
            apply(rejection(command, AssignmentRejection.NOT_IN_STOCK));
            return;
        }
        List<String> allowed = command.allowedTags() == null ? List.of() : command.allowedTags();
        if (!allowed.isEmpty() && (tag == null || !allowed.contains(tag))) {
            apply(rejection(command, AssignmentRejection.TAG_NOT_ALLOWED));
            return;
        }
        apply(new DidAssigned(number, command.requestId(), command.clientId(), command.clientPackageId(),
                command.destination()));
        holdings.hold(number, clientPackageId);
        PackageState packageState = holdings.lockState(clientPackageId);
        if (packageState != PackageState.ACTIVE) {
            // the package was deactivated (or terminated) while the request travelled
            hold(packageState == PackageState.TERMINATED ? HoldReason.RELEASED : HoldReason.PACKAGE_INACTIVE,
                    command.holdUntilIfInactive(), holdings);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeDidRouting command) {
        if (ownedBy(command.clientId()) && !command.destination().equals(destination)) {
            apply(new DidRoutingChanged(number, command.destination()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BlockDid command) {
        if (ownedBy(command.clientId()) && status == DidStatus.ACTIVE) {
            apply(new DidBlocked(number));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UnblockDid command) {
        if (ownedBy(command.clientId()) && status == DidStatus.BLOCKED) {
            apply(new DidUnblocked(number));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReturnDid command, ClientPackageHoldings holdings) {
        if (ownedBy(command.clientId())) {
            release(command.holdUntil(), holdings);
        }
    }

    @CommandHandler
    void handle(FollowClientPackage command, ClientPackageHoldings holdings) {
        if (!exists || !command.clientPackageId().equals(clientPackageId)) {
            return;
        }
        PackageState packageState = holdings.lockState(clientPackageId);
        if (packageState == PackageState.TERMINATED) {
            release(command.holdUntil(), holdings);
        } else if (packageState == PackageState.INACTIVE) {
            if (status == DidStatus.ACTIVE || status == DidStatus.BLOCKED) {
                hold(HoldReason.PACKAGE_INACTIVE, command.holdUntil(), holdings);
            }
        } else if (status == DidStatus.HOLD && holdReason == HoldReason.PACKAGE_INACTIVE) {
            apply(new DidRestored(number, clientPackageId, statusBeforeHold));
            holdings.holdUntil(number, null);
        }
    }

    /** The hold is over unless a restore, or a renewed hold with a later end, overtook it. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EndHold command, ClientPackageHoldings holdings) {
        if (exists && status == DidStatus.HOLD && !holdUntil.isAfter(command.dueBy())) {
            apply(new DidReleased(number, afterHoldStatus));
            holdings.release(number);
        } else if (status != DidStatus.HOLD) {
            holdings.holdUntil(command.number(), null); // nothing to end: clear the record that asked for it
        }
    }

    /** Gives the DID up for good: on HOLD (RELEASED), which no restore undoes; an existing hold keeps its end. */
    private void release(Instant until, ClientPackageHoldings holdings) {
        if (status == DidStatus.ACTIVE || status == DidStatus.BLOCKED) {
            hold(HoldReason.RELEASED, until, holdings);
        } else if (status == DidStatus.HOLD && holdReason == HoldReason.PACKAGE_INACTIVE) {
            apply(new DidHeld(number, clientPackageId, HoldReason.RELEASED, holdUntil, statusBeforeHold));
        }
    }

    private void hold(HoldReason reason, Instant until, ClientPackageHoldings holdings) {
        Instant end = until.truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it, so the recorded end matches
        apply(new DidHeld(number, clientPackageId, reason, end, status));
        holdings.holdUntil(number, end);
    }

    private boolean ownedBy(String client) {
        return exists && clientId != null && clientId.equals(client);
    }

    private DidAssignmentRejected rejection(AssignDid command, AssignmentRejection reason) {
        return new DidAssignmentRejected(command.number(), command.requestId(), command.clientId(),
                command.clientPackageId(), reason);
    }

    @EventSourcingHandler
    void on(DidCreated event) {
        number = event.number();
        exists = true;
        status = event.status();
        afterHoldStatus = event.afterHoldStatus();
        operatorId = event.operatorId();
        tag = event.tag();
        notes = event.notes();
        clientId = null;
        clientPackageId = null;
        destination = null;
        holdUntil = null;
        holdReason = null;
        requestId = null;
    }

    @EventSourcingHandler
    void on(DidUpdated event) {
        status = event.status();
        afterHoldStatus = event.afterHoldStatus();
        operatorId = event.operatorId();
        tag = event.tag();
        notes = event.notes();
    }

    @EventSourcingHandler
    void on(DidDeleted event) {
        exists = false;
    }

    @EventSourcingHandler
    void on(DidAssigned event) {
        status = DidStatus.ACTIVE;
        clientId = event.clientId();
        clientPackageId = event.clientPackageId();
        destination = event.destination();
        requestId = event.requestId();
    }

    @EventSourcingHandler
    void on(DidRoutingChanged event) {
        destination = event.destination();
    }

    @EventSourcingHandler
    void on(DidBlocked event) {
        status = DidStatus.BLOCKED;
    }

    @EventSourcingHandler
    void on(DidUnblocked event) {
        status = DidStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(DidHeld event) {
        status = DidStatus.HOLD;
        holdUntil = event.holdUntil();
        holdReason = event.reason();
        statusBeforeHold = event.previousStatus();
    }

    @EventSourcingHandler
    void on(DidRestored event) {
        status = event.status();
        holdUntil = null;
        holdReason = null;
    }

    @EventSourcingHandler
    void on(DidReleased event) {
        status = event.status();
        clientId = null;
        clientPackageId = null;
        destination = null;
        holdUntil = null;
        holdReason = null;
        requestId = null;
    }

    private DidSnapshot snapshot() {
        return new DidSnapshot(number, status, afterHoldStatus, operatorId, tag, notes, clientId, clientPackageId,
                destination, holdUntil);
    }

    private void requireExists() {
        if (!exists) {
            throw DomainException.notFound("DID_NOT_FOUND", "No DID " + number);
        }
    }

    static DidStatus requireSettable(DidStatus requested, String field) {
        if (!requested.isStaffSettable()) {
            throw DomainException.invalid("STATUS_NOT_SETTABLE", field + " " + requested
                    + " cannot be set by hand; use IN_STOCK, RESERVED or ARCHIVE");
        }
        return requested;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
