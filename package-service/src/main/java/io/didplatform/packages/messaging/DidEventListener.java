package io.didplatform.packages.messaging;

import io.didplatform.contracts.EventTypes;
import io.didplatform.contracts.Topics;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.HoldReason;
import io.didplatform.packages.usage.DidUsage;
import io.didplatform.support.kafka.EventInbox;
import io.didplatform.support.kafka.EventInbox.Delivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Set;

/**
 * Counts the DIDs each client package holds from inventory's events: assigned counts, given back (held with
 * reason RELEASED) or released at the end of a hold uncounts. A hold because the package went inactive still
 * counts: the number may come back. Events of one number arrive in order (keyed by number).
 * <p>
 * Most of inventory's events (created, updated, routed, bulk imports) say nothing about usage: they are passed
 * over without touching the database, so the listener keeps up with a busy topic.
 */
@Component
class DidEventListener {
    static final String CONSUMER = "package-service.dids";
    private static final Set<String> USAGE_EVENTS = Set.of(EventTypes.typeOf(DidAssigned.class),
            EventTypes.typeOf(DidHeld.class), EventTypes.typeOf(DidReleased.class));
    private final EventInbox inbox;
    private final DidUsage usage;
    private final TransactionTemplate transaction;

    DidEventListener(EventInbox inbox, DidUsage usage, PlatformTransactionManager transactionManager) {
        this.inbox = inbox;
        this.usage = usage;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaListener(topics = Topics.DID_INVENTORY)
    public void on(ConsumerRecord<String, byte[]> record) {
        Delivery delivery = inbox.open(record);
        if (USAGE_EVENTS.contains(delivery.event().type())) {
            transaction.executeWithoutResult(status -> apply(delivery));
        }
    }

    private void apply(Delivery delivery) {
        if (inbox.firstDelivery(CONSUMER, delivery)) {
            project(delivery.payload(), usage);
        }
    }

    /** What an event does to the usage; the reconciliation replays it too ({@link DidUsageReconciliation}). */
    static void project(Object payload, DidUsage usage) {
        if (payload instanceof DidAssigned assigned && assigned.clientPackageId() != null) {
            usage.assigned(assigned.number(), assigned.clientPackageId());
        } else if (payload instanceof DidHeld held && held.reason() == HoldReason.RELEASED) {
            usage.freed(held.number());
        } else if (payload instanceof DidReleased released) {
            usage.freed(released.number());
        }
    }
}
