package io.didplatform.inventory.messaging;

import io.didplatform.contracts.Topics;
import io.didplatform.contracts.packages.ClientPackageTerminated;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.contracts.packages.PackageEvent;
import io.didplatform.inventory.command.registry.ClientPackageHoldings.PackageState;
import io.didplatform.inventory.command.registry.JdbcClientPackageHoldings;
import io.didplatform.inventory.process.HoldCascade;
import io.didplatform.inventory.query.routing.RoutingTable;
import io.didplatform.support.kafka.EventInbox;
import io.didplatform.support.kafka.EventInbox.Delivery;
import io.didplatform.support.kafka.InboundCommands;
import io.didplatform.support.kafka.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * Follows client packages' activation from package-service's events. The new state and the processed mark
 * commit together; then the hold cascade carries the state to the package's DIDs. Should the service stop
 * before the cascade ends, the state row says a cascade is due and {@link HoldCascade} finishes it.
 */
@Component
class PackageEventListener {
    private static final String CONSUMER = "did-inventory-service.packages";

    private final EventInbox inbox;
    private final JdbcClientPackageHoldings holdings;
    private final HoldCascade cascade;
    private final RoutingTable routing;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PackageEventListener(EventInbox inbox, JdbcClientPackageHoldings holdings, HoldCascade cascade,
                         RoutingTable routing, TransactionTemplate transaction, Clock clock) {
        this.inbox = inbox;
        this.routing = routing;
        this.holdings = holdings;
        this.cascade = cascade;
        this.transaction = transaction;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PACKAGE)
    public void on(ConsumerRecord<String, byte[]> record) {
        Delivery delivery = inbox.open(record);
        Object payload = delivery.payload();
        PackageState state = stateAfter(payload);
        if (state == null) {
            return;
        }
        String clientPackageId = ((PackageEvent) payload).subject();
        InboundEvent event = delivery.event();
        Instant at = event.timeOrNow(clock);
        Boolean changed = transaction.execute(status -> {
            if (!inbox.firstDelivery(CONSUMER, delivery)) {
                return false;
            }
            holdings.change(clientPackageId, state, at);
            return true;
        });
        if (Boolean.TRUE.equals(changed)) {
            routing.refreshHolds();
            cascade.converge(clientPackageId, InboundCommands.metaData(event));
        }
    }

    private static PackageState stateAfter(Object payload) {
        if (payload instanceof PackageActivated) {
            return PackageState.ACTIVE;
        }
        if (payload instanceof PackageDeactivated) {
            return PackageState.INACTIVE;
        }
        if (payload instanceof ClientPackageTerminated) {
            return PackageState.TERMINATED;
        }
        return null;
    }
}
