package io.didplatform.clients.messaging;

import io.didplatform.clients.command.ConfirmDidAssignment;
import io.didplatform.clients.command.FailDidAssignment;
import io.didplatform.clients.command.ReleaseDid;
import io.didplatform.clients.query.ClientDids;
import io.didplatform.contracts.EventTypes;
import io.didplatform.contracts.Topics;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidAssignmentRejected;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.HoldReason;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.support.kafka.EventInbox;
import io.didplatform.support.kafka.EventInbox.Delivery;
import io.didplatform.support.kafka.InboundCommands;
import io.didplatform.support.kafka.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Inventory's side of the assignment saga and of every client DID's life: answers settle the client's pending
 * requests (through its aggregate), status and routing changes keep the client's DID list real. The command, the
 * read-model change and the processed mark commit in one transaction, so a redelivery changes nothing. The rest of
 * inventory's events (stock edits, operators, a bulk import's hundreds of thousands of DidCreated) are passed over by
 * their type, unread and without a transaction: a take's answer waits behind them on the topic.
 */
@Component
class InventoryEventListener {
    private static final Logger log = LoggerFactory.getLogger(InventoryEventListener.class);
    private static final String CONSUMER = "client-service.inventory";
    private static final String ACTIVE = DidStatus.ACTIVE.name();
    private static final String BLOCKED = DidStatus.BLOCKED.name();
    private static final String HOLD = DidStatus.HOLD.name();
    /** The inventory events this service acts on; the others are none of its business, not even marked. */
    private static final Set<String> CONCERNING_CLIENTS = Stream.of(DidAssigned.class, DidAssignmentRejected.class,
            DidReleased.class, DidBlocked.class, DidUnblocked.class, DidHeld.class, DidRestored.class,
            DidRoutingChanged.class).map(EventTypes::typeOf).collect(Collectors.toUnmodifiableSet());

    private final EventInbox inbox;
    private final InboundCommands commands;
    private final ClientDids dids;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;

    InventoryEventListener(EventInbox inbox, CommandGateway commandGateway, ClientDids dids, EventStore eventStore,
                           PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.inbox = inbox;
        this.commands = new InboundCommands(commandGateway);
        this.dids = dids;
        this.eventStore = eventStore;
    }

    @KafkaListener(topics = Topics.DID_INVENTORY)
    public void on(ConsumerRecord<String, byte[]> record) {
        Delivery delivery = inbox.open(record);
        if (CONCERNING_CLIENTS.contains(delivery.event().type())) {
            transaction.executeWithoutResult(status -> apply(delivery));
        }
    }

    private void apply(Delivery delivery) {
        if (!inbox.firstDelivery(CONSUMER, delivery)) {
            return;
        }
        Object payload = delivery.payload();
        InboundEvent event = delivery.event();
        // commands go last: a command's aggregate lock is released when the command ends, not when this
        // transaction commits, so the less work after it, the shorter the window for a stale concurrent load
        if (payload instanceof DidAssigned assigned) {
            if (knownClient(assigned.clientId(), event)) {
                dids.assigned(assigned.clientId(), assigned.number(), assigned.clientPackageId(), assigned.requestId(),
                        assigned.destination());
                commands.send(new ConfirmDidAssignment(assigned.clientId(), assigned.requestId(), assigned.number(),
                        assigned.clientPackageId()), event);
            }
        } else if (payload instanceof DidAssignmentRejected rejected) {
            if (knownClient(rejected.clientId(), event)) {
                commands.send(new FailDidAssignment(rejected.clientId(), rejected.requestId(), rejected.number(),
                        rejected.reason()), event);
            }
        } else if (payload instanceof DidReleased released) {
            release(released.number(), event);
        } else if (payload instanceof DidHeld held && held.reason() == HoldReason.RELEASED) {
            // given back (its client package terminated, or its client closed): no longer the client's, as a
            // DID the client gives back itself leaves its list at once
            release(held.number(), event);
        } else if (payload instanceof DidBlocked blocked) {
            dids.statusChanged(blocked.number(), List.of(ACTIVE), BLOCKED);
        } else if (payload instanceof DidUnblocked unblocked) {
            dids.statusChanged(unblocked.number(), List.of(BLOCKED), ACTIVE);
        } else if (payload instanceof DidHeld held) {
            dids.statusChanged(held.number(), List.of(ACTIVE, BLOCKED), HOLD);
        } else if (payload instanceof DidRestored restored) {
            dids.statusChanged(restored.number(), List.of(HOLD), restored.status().name());
        } else if (payload instanceof DidRoutingChanged routing) {
            dids.routingChanged(routing.number(), routing.destination());
        }
    }

    private void release(String number, InboundEvent event) {
        Optional<String> holder = dids.holderOf(number);
        dids.released(number);
        holder.ifPresent(clientId -> commands.send(new ReleaseDid(clientId, number), event));
    }

    /**
     * Asked of the event store, not of a read model that may lag: a command to an unknown aggregate would fail
     * and roll back the whole delivery, redelivering it forever.
     */
    private boolean knownClient(String clientId, InboundEvent event) {
        if (eventStore.lastSequenceNumberFor(clientId).isPresent()) {
            return true;
        }
        log.warn("Ignoring {} {}: client {} is unknown here", event.type(), event.id(), clientId);
        return false;
    }
}
