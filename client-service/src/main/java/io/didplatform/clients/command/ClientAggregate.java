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
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
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
 * Axon handles one command at a time per aggregate, and the event store refuses a second writer. A request
 * inventory leaves unanswered until its durable deadline fails with TIMEOUT and frees its slot; an assignment
 * that still arrives after that is given back at once (the request's FAILED is final for the caller).
 */
@Aggregate(snapshotTriggerDefinition = "clientSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE) // snapshots are this state as JSON
public class ClientAggregate {
    static final String ANSWER_DUE = "did-assignment-answer-due";

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
    void handle(RequestDidAssignment command, DeadlineManager deadlines) {
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
        // not cancelled when the answer comes: a settled request's deadline finds nothing to do
        deadlines.schedule(command.answerDue(), ANSWER_DUE, new AnswerOverdue(command.requestId(), command.number()));
    }

    /**
     * Inventory's answer may arrive more than once (a pending request moves once), or after the request timed out:
     * the number is then this client's in inventory but no longer counted here, so it is given back. A number the
     * client holds by another request is never given back by this.
     */
    @CommandHandler
    void handle(ConfirmDidAssignment command) {
        Slot slot = slots.get(command.number());
        if (slot != null && !slot.assigned() && slot.requestId().equals(command.requestId())) {
            apply(new DidAssignmentConfirmed(clientId, command.requestId(), command.number(), slot.clientPackageId()));
        } else if (slot == null || !slot.assigned()) {
            apply(new DidReturnRequested(clientId, command.number(), command.clientPackageId()));
        }
    }

    @DeadlineHandler(deadlineName = ANSWER_DUE)
    void answerOverdue(AnswerOverdue due) {
        Slot slot = pendingSlot(due.number(), due.requestId());
        if (slot != null) {
            apply(new DidAssignmentFailed(clientId, due.requestId(), due.number(), slot.clientPackageId(),
                    AssignmentRejection.TIMEOUT));
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

    /** A pending request for the number stays: the number given back was assigned by an earlier, timed-out one. */
    @EventSourcingHandler
    void on(DidReturnRequested event) {
        slots.computeIfPresent(event.number(), (number, slot) -> slot.assigned() ? null : slot);
    }

    @EventSourcingHandler
    void on(ClientDidReleased event) {
        slots.remove(event.number());
    }
}
