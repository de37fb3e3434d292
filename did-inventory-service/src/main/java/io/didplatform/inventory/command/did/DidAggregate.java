package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidAssigned;
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
import io.didplatform.inventory.command.registry.DidRegistry;
import io.didplatform.support.web.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One number of the inventory; its id is the normalised number. A deleted DID keeps its history and may be
 * created again, so the aggregate is never marked deleted: {@code exists} says whether the number is in the
 * inventory now. Client, package, destination and hold deadline are the state later flows (assignment, hold,
 * routing) act on.
 */
@Aggregate
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

    protected DidAggregate() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateDid command, DidRegistry registry) {
        if (!DidNumbers.isValid(command.number())) {
            throw DomainException.invalid("INVALID_NUMBER", DidNumbers.invalidReason(command.number()));
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

    // The client side of the lifecycle: its commands come with assignment, hold and routing (later issues);
    // the state is kept from now so staff edits and deletes can be refused for DIDs a client holds.

    @EventSourcingHandler
    void on(DidAssigned event) {
        status = DidStatus.ACTIVE;
        clientId = event.clientId();
        clientPackageId = event.clientPackageId();
        destination = event.destination();
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
    }

    @EventSourcingHandler
    void on(DidRestored event) {
        status = event.status();
        holdUntil = null;
    }

    @EventSourcingHandler
    void on(DidReleased event) {
        status = event.status();
        clientId = null;
        clientPackageId = null;
        destination = null;
        holdUntil = null;
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
