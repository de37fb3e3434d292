package io.didplatform.clients.messaging;

import io.didplatform.clients.query.ClientPackages;
import io.didplatform.contracts.Topics;
import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.ClientPackageTerminated;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.contracts.packages.PackageUpdated;
import io.didplatform.support.kafka.EventInbox;
import io.didplatform.support.kafka.EventInbox.Delivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Learns packages' names, client packages and their activation from package-service's events; each event applied once. */
@Component
class PackageEventListener {
    static final String CONSUMER = "client-service.packages";
    private final EventInbox inbox;
    private final ClientPackages clientPackages;
    private final Clock clock;

    PackageEventListener(EventInbox inbox, ClientPackages clientPackages, Clock clock) {
        this.inbox = inbox;
        this.clientPackages = clientPackages;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PACKAGE)
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.firstDelivery(CONSUMER, record).ifPresent(delivery -> project(delivery, clientPackages, clock));
    }

    /** What an event does to the client packages, here and in {@link ClientPackagesReconciliation}. */
    static void project(Delivery delivery, ClientPackages clientPackages, Clock clock) {
        Object payload = delivery.payload();
        if (payload instanceof PackageCreated created) {
            clientPackages.namePackage(created.packageId(), created.name());
        } else if (payload instanceof PackageUpdated updated) {
            clientPackages.namePackage(updated.packageId(), updated.name());
        } else if (payload instanceof ClientPackageCreated created) {
            // package-service activates a package that starts now in the same breath (PackageActivated follows):
            // born active here, a take sent right after the creation does not find it inactive in between
            Instant at = delivery.event().timeOrNow(clock);
            boolean startsNow = created.startsAt() == null || !created.startsAt().isAfter(at);
            clientPackages.upsert(created.clientPackageId(), created.clientId(), created.packageId(),
                    created.didLimit(), created.tags(), startsNow);
        } else if (payload instanceof PackageActivated activated) {
            clientPackages.upsert(activated.clientPackageId(), activated.clientId(), activated.packageId(),
                    activated.didLimit(), activated.tags(), true);
            clientPackages.setActive(activated.clientPackageId(), true);
        } else if (payload instanceof PackageDeactivated deactivated) {
            clientPackages.setActive(deactivated.clientPackageId(), false);
        } else if (payload instanceof ClientPackageTerminated terminated) {
            clientPackages.setActive(terminated.clientPackageId(), false);
        }
    }
}
