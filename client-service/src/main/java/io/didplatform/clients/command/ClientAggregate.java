package io.didplatform.clients.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.didplatform.clients.event.ClientDidReleased;
import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.contracts.clients.ClientUpdated;
import io.didplatform.contracts.clients.DidAssignmentConfirmed;
import io.didplatform.contracts.clients.DidAssignmentFailed;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.clients.DidBlockRequested;
import io.didplatform.contracts.clients.DidReturnRequested;
import io.didplatform.contracts.clients.DidRoutingChangeRequested;
import io.didplatform.contracts.clients.DidUnblockRequested;
import io.didplatform.contracts.inventory.AssignmentRejection;
import io.didplatform.support.web.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client and its DID quota. Every request for a number holds a slot of its client package until inventory
 * answers, so counting slots (pending and assigned) can never let more numbers through than {@code didLimit}:
 * Axon handles one command at a time per aggregate, and the event store refuses a second writer.
 */
@Aggregate(snapshotTriggerDefinition = "clientSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE) // snapshots are this state as JSON
public class ClientAggregate {
    @AggregateIdentifier
    private String clientId;
    private ClientStatus status;
    /** The numbers holding a slot, pending or assigned, by number. */
    private final Map<String, Slot> slots = new HashMap<>();

    private record Slot(UUID requestId, String clientPackageId, boolean assigned) {
    }

    protected ClientAggregate() {
        // for Axon
    }

    @CommandHandler
    public ClientAggregate(CreateClient command) {
        apply(new ClientCreated(command.clientId(), command.name(), command.email(), command.status()));
    }

    @CommandHandler
    void handle(UpdateClient command) {
        apply(new ClientUpdated(clientId, command.name(), command.email(), command.status()));
    }

    @CommandHandler
    void handle(RequestDidAssignment command) {
        if (status != ClientStatus.ACTIVE) {
            throw DomainException.conflict("CLIENT_NOT_ACTIVE", "Client " + clientId + " is " + status + " and may not take DIDs");
        }
        ClientPackageTerms terms = command.terms();
        if (terms == null || !clientId.equals(terms.clientId())) {
            throw DomainException.invalid("UNKNOWN_CLIENT_PACKAGE",
                    "Client " + clientId + " has no client package " + command.clientPackageId());
        }
        if (slots.containsKey(command.number())) {
            throw DomainException.conflict("ALREADY_REQUESTED",
                    "Number " + command.number() + " is already assigned to or requested by this client");
        }
        if (!terms.active()) {
            throw DomainException.conflict(AssignmentRejection.PACKAGE_INACTIVE.name(),
                    "Client package " + terms.clientPackageId() + " is not active");
        }
        if (slotsOf(terms.clientPackageId()) >= terms.didLimit()) {
            throw DomainException.conflict(AssignmentRejection.LIMIT_REACHED.name(),
                    "Client package " + terms.clientPackageId() + " allows " + terms.didLimit()
                            + " DIDs and all are taken or requested");
        }
        apply(new DidAssignmentRequested(clientId, command.requestId(), command.number(), terms.clientPackageId(),
                command.destination(), terms.tags()));
    }

    /** Inventory's answer may arrive more than once, or for a request already settled: only a pending one moves. */
    @CommandHandler
    void handle(ConfirmDidAssignment command) {
        Slot slot = pendingSlot(command.number(), command.requestId());
        if (slot != null) {
            apply(new DidAssignmentConfirmed(clientId, command.requestId(), command.number(), slot.clientPackageId()));
        }
    }

    @CommandHandler
    void handle(FailDidAssignment command) {
        Slot slot = pendingSlot(command.number(), command.requestId());
        if (slot != null) {
            apply(new DidAssignmentFailed(clientId, command.requestId(), command.number(), slot.clientPackageId(),
                    command.reason()));
        }
    }

    @CommandHandler
    void handle(ChangeDidRouting command) {
        assignedSlot(command.number());
        apply(new DidRoutingChangeRequested(clientId, command.number(), command.destination()));
    }

    @CommandHandler
    void handle(BlockDid command) {
        assignedSlot(command.number());
        apply(new DidBlockRequested(clientId, command.number()));
    }

    @CommandHandler
    void handle(UnblockDid command) {
        assignedSlot(command.number());
        apply(new DidUnblockRequested(clientId, command.number()));
    }

    @CommandHandler
    void handle(ReturnDid command) {
        Slot slot = assignedSlot(command.number());
        apply(new DidReturnRequested(clientId, command.number(), slot.clientPackageId()));
    }

    /** A pending request keeps its slot: a late release of an earlier assignment of the same number must not free it. */
    @CommandHandler
    void handle(ReleaseDid command) {
        Slot slot = slots.get(command.number());
        if (slot != null && slot.assigned()) {
            apply(new ClientDidReleased(clientId, command.number(), slot.clientPackageId()));
        }
    }

    private long slotsOf(String clientPackageId) {
        return slots.values().stream().filter(slot -> slot.clientPackageId().equals(clientPackageId)).count();
    }

    private Slot pendingSlot(String number, UUID requestId) {
        Slot slot = slots.get(number);
        return slot != null && !slot.assigned() && slot.requestId().equals(requestId) ? slot : null;
    }

    private Slot assignedSlot(String number) {
        Slot slot = slots.get(number);
        if (slot == null) {
            throw DomainException.notFound("DID_NOT_FOUND", "Client " + clientId + " has no DID " + number);
        }
        if (!slot.assigned()) {
            throw DomainException.conflict("ASSIGNMENT_PENDING", "DID " + number + " is not assigned yet");
        }
        return slot;
    }

    @EventSourcingHandler
    void on(ClientCreated event) {
        clientId = event.clientId();
        status = event.status();
    }

    @EventSourcingHandler
    void on(ClientUpdated event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(DidAssignmentRequested event) {
        slots.put(event.number(), new Slot(event.requestId(), event.clientPackageId(), false));
    }

    @EventSourcingHandler
    void on(DidAssignmentConfirmed event) {
        slots.computeIfPresent(event.number(), (number, slot) -> new Slot(slot.requestId(), slot.clientPackageId(), true));
    }

    @EventSourcingHandler
    void on(DidAssignmentFailed event) {
        slots.remove(event.number());
    }

    @EventSourcingHandler
    void on(DidReturnRequested event) {
        slots.remove(event.number());
    }

    @EventSourcingHandler
    void on(ClientDidReleased event) {
        slots.remove(event.number());
    }
}
