package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.AssignmentRejection;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidReservationExtended;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.contracts.inventory.UndoneChange;
import io.didplatform.inventory.command.registry.ClientPackageHoldings;
import io.didplatform.support.web.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One number of the inventory; its id is the normalised number. Staff create ({@link DidLookupCommands} claims the
 * number first), edit and delete it; its client has it assigned, blocked, routed and returned, and its client
 * package's state holds, restores or releases it ({@link ClientLifecycle}). A deleted DID keeps its history and may
 * be created again, so the aggregate is never marked deleted: {@code exists} says whether the number is in the
 * inventory now ({@link DidState} keeps what the events made of it). The command side's registry and holdings
 * follow its events ({@code command.registry.DidBookkeeping}).
 */
@Aggregate(cache = "didAggregateCache")
public class DidAggregate extends DidState {

    public DidAggregate() {
        // for Axon's aggregate factory (config.DidAggregateConfiguration)
    }

    /** The DID {@code command} would create, or its refusal; the number is then claimed and {@link #create} called. */
    NewDid creation(CreateDid command) {
        if (exists) {
            throw DomainException.conflict("DID_EXISTS", "DID " + command.number() + " already exists");
        }
        return NewDid.of(command);
    }

    void create(NewDid did) {
        apply(did.created());
    }

    @CommandHandler
    DidSnapshot handle(UpdateDid command) {
        requireExists();
        DidStatus newStatus = command.status() == null ? status : DidFields.settable(command.status(), "status");
        StaffFields edited = fields.edited(command);
        if (newStatus != status && reservation != null) {
            throw reserved();
        }
        if (newStatus != status && !status.isStaffSettable()) {
            throw DomainException.conflict("DID_HELD_BY_CLIENT", "DID " + number + " is " + status
                    + " for client " + assignment.clientId() + "; its status changes only through the client's DIDs");
        }
        if (newStatus != status || !edited.equals(fields)) {
            apply(edited.updated(number, newStatus));
        }
        return snapshot();
    }

    @CommandHandler
    void handle(DeleteDid command) {
        requireExists();
        if (reservation != null) {
            throw reserved();
        }
        if (!status.isStaffSettable()) {
            throw DomainException.conflict("DID_NOT_DELETABLE", "DID " + number + " is " + status
                    + "; only IN_STOCK, RESERVED or ARCHIVE DIDs can be deleted");
        }
        apply(new DidDeleted(number));
    }

    /**
     * The undo of a bulk job's change (docs/design.md, "Undo of a bulk job"): only while the job's event is still
     * the DID's last, so a DID someone changed since is refused with {@code CHANGED_SINCE} and left as it is.
     * A new event, never a removal of the job's: the history shows the change and its undo.
     */
    @CommandHandler
    void handle(UndoDidChange command) {
        Long version = AggregateLifecycle.getVersion();
        if (version == null || version != command.sequence()) {
            throw DomainException.conflict(UndoDidChange.CHANGED_SINCE, "DID " + number + " changed after job "
                    + command.undoneJobId() + " changed it; left as it is");
        }
        DidSnapshot after = command.change() == UndoneChange.EDIT ? command.before() : snapshot();
        apply(new DidChangeUndone(number, command.undoneJobId(), command.change(), after.operatorId(), after.status(),
                after.afterHoldStatus(), after.tag(), after.notes()));
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
            eventBus.publish(GenericEventMessage.asEventMessage(
                    ClientLifecycle.rejection(command, AssignmentRejection.UNKNOWN_NUMBER)));
        } else if (!command.requestId().equals(assignment.requestId())) { // not granted already
            (reservation == null ? lifecycle().assign(command, holdings) : takeReserved(command, holdings))
                    .forEach(AggregateLifecycle::apply);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeDidRouting command) {
        if (ownedBy(command.clientId()) && !command.destination().equals(assignment.destination())) {
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
    void handle(ReturnDid command) {
        if (ownedBy(command.clientId())) {
            lifecycle().release(command.holdUntil()).forEach(AggregateLifecycle::apply);
        }
    }

    @CommandHandler
    void handle(FollowClientPackage command, ClientPackageHoldings holdings) {
        if (exists && assignment.under(command.clientPackageId())) {
            lifecycle().follow(holdings.lockState(assignment.clientPackageId()), command.holdUntil())
                    .forEach(AggregateLifecycle::apply);
        }
    }

    /** Ends the hold if it is over by {@code dueBy}; false when the DID is not on hold at all. */
    boolean endHold(Instant dueBy) {
        if (status != DidStatus.HOLD) {
            return false;
        }
        if (exists && hold.endedBy(dueBy)) {
            apply(new DidReleased(number, fields.afterHoldStatus()));
        }
        return true;
    }

    // Reservations (docs/design.md, "Reservations that expire"): staff reserve an IN_STOCK DID for a client or a
    // sales deal until a time; ReservationExpiry sends EndReservation when that time has passed.

    @CommandHandler
    void handle(ReserveDid command) {
        requireExists();
        if (reservation != null) {
            throw reserved();
        }
        if (status != DidStatus.IN_STOCK) {
            throw DomainException.conflict("DID_NOT_IN_STOCK", "DID " + number + " is " + status
                    + "; only an IN_STOCK DID can be reserved");
        }
        apply(Reservation.start(number, command, status));
    }

    @CommandHandler
    void handle(ExtendReservation command) {
        Reservation current = requireReservation();
        Instant until = Reservation.end(command.reservedUntil(), command.now());
        if (until.isBefore(current.until())) {
            throw DomainException.invalid("RESERVATION_NOT_LATER", "DID " + number + " is reserved until "
                    + current.until() + "; an extension must end later (release the reservation to end it now)");
        }
        if (until.isAfter(current.until())) { // the same end again (a retried request) changes nothing
            apply(new DidReservationExtended(number, until));
        }
    }

    @CommandHandler
    void handle(ReleaseReservation command) {
        apply(requireReservation().release(number));
    }

    @CommandHandler
    void handle(EndReservation command) {
        if (reservation != null && reservation.endedBy(command.dueBy())) {
            apply(reservation.expire(number));
        }
    }

    /**
     * A take of a reserved DID: another client's is refused; the reservation's client's is decided as if the DID
     * were in its status before, and when granted ends the reservation first (its history says so).
     */
    private List<Object> takeReserved(AssignDid command, ClientPackageHoldings holdings) {
        if (!reservation.heldFor(command.clientId())) {
            return List.of(ClientLifecycle.rejection(command, AssignmentRejection.RESERVED_FOR_ANOTHER_CLIENT));
        }
        List<Object> decided = new ClientLifecycle(number, reservation.statusBefore(), fields.tag(), assignment, hold)
                .assign(command, holdings);
        return decided.get(0) instanceof DidAssigned
                ? Stream.concat(Stream.of(reservation.release(number)), decided.stream()).toList()
                : decided;
    }

    private Reservation requireReservation() {
        requireExists();
        if (reservation == null) {
            throw DomainException.conflict("DID_NOT_RESERVED", "DID " + number + " has no reservation");
        }
        return reservation;
    }

    private DomainException reserved() {
        return DomainException.conflict("DID_RESERVED", "DID " + number + " is reserved"
                + (reservation.clientId() == null ? "" : " for client " + reservation.clientId())
                + (reservation.deal() == null ? "" : " (" + reservation.deal() + ")")
                + " until " + reservation.until() + "; release the reservation first");
    }
}
