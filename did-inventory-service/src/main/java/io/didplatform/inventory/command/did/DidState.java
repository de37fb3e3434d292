package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidReservationExpired;
import io.didplatform.contracts.inventory.DidReservationExtended;
import io.didplatform.contracts.inventory.DidReservationReleased;
import io.didplatform.contracts.inventory.DidReserved;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.support.web.DomainException;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * What a DID's events made of it, for {@link DidAggregate}'s decisions: whether it is in the inventory now, its
 * status, what staff keep on it, which client has it, its hold, its reservation. Changed only by its events.
 */
abstract class DidState {

    @AggregateIdentifier
    String number;
    boolean exists;
    DidStatus status;
    StaffFields fields;
    Assignment assignment = Assignment.NONE;
    Hold hold;
    Reservation reservation;

    ClientLifecycle lifecycle() {
        return new ClientLifecycle(number, status, fields.tag(), assignment, hold);
    }

    boolean ownedBy(String client) {
        return exists && assignment.ownedBy(client);
    }

    @EventSourcingHandler
    void on(DidCreated event) {
        number = event.number();
        exists = true;
        status = event.status();
        fields = StaffFields.of(event);
        assignment = Assignment.NONE;
        hold = null;
        reservation = null;
    }

    @EventSourcingHandler
    void on(DidUpdated event) {
        status = event.status();
        fields = StaffFields.of(event);
    }

    @EventSourcingHandler
    void on(DidDeleted event) {
        exists = false;
    }

    @EventSourcingHandler
    void on(DidChangeUndone event) {
        exists = event.inInventory();
        status = event.status();
        fields = StaffFields.of(event);
    }

    @EventSourcingHandler
    void on(DidAssigned event) {
        status = DidStatus.ACTIVE;
        assignment = Assignment.of(event);
    }

    @EventSourcingHandler
    void on(DidRoutingChanged event) {
        assignment = assignment.routedTo(event.destination());
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
        hold = Hold.of(event);
    }

    @EventSourcingHandler
    void on(DidRestored event) {
        status = event.status();
        hold = null;
    }

    @EventSourcingHandler
    void on(DidReleased event) {
        status = event.status();
        assignment = Assignment.NONE;
        hold = null;
    }

    @EventSourcingHandler
    void on(DidReserved event) {
        status = DidStatus.RESERVED;
        reservation = Reservation.of(event);
    }

    @EventSourcingHandler
    void on(DidReservationExtended event) {
        reservation = reservation.extendedTo(event.reservedUntil());
    }

    @EventSourcingHandler
    void on(DidReservationReleased event) {
        status = event.status();
        reservation = null;
    }

    @EventSourcingHandler
    void on(DidReservationExpired event) {
        status = event.status();
        reservation = null;
    }

    DidSnapshot snapshot() {
        return new DidSnapshot(number, status, fields.afterHoldStatus(), fields.operatorId(), fields.tag(),
                fields.notes(), assignment.clientId(), assignment.clientPackageId(), assignment.destination(),
                hold == null ? null : hold.until());
    }

    void requireExists() {
        if (!exists) {
            throw DomainException.notFound("DID_NOT_FOUND", "No DID " + number);
        }
    }
}
