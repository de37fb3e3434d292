package io.didplatform.packages.messaging;

import io.didplatform.contracts.Topics;
import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientUpdated;
import io.didplatform.packages.command.lookup.KnownClients;
import io.didplatform.packages.process.ClientStatusCascade;
import io.didplatform.support.kafka.EventInbox;
import io.didplatform.support.kafka.EventInbox.Delivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Learns clients from client-service's events, and passes a status change on to their packages; each event applied once. */
@Component
class ClientEventListener {
    private static final String CONSUMER = "package-service.clients";
    private final EventInbox inbox;
    private final KnownClients clients;
    private final ClientStatusCascade statusCascade;

    ClientEventListener(EventInbox inbox, KnownClients clients, ClientStatusCascade statusCascade) {
        this.inbox = inbox;
        this.clients = clients;
        this.statusCascade = statusCascade;
    }

    @KafkaListener(topics = Topics.CLIENT)
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        Delivery delivery = inbox.firstDelivery(CONSUMER, record).orElse(null);
        if (delivery == null) {
            return;
        }
        if (delivery.payload() instanceof ClientCreated created) {
            clients.upsert(created.clientId(), created.name(), created.status().name());
        } else if (delivery.payload() instanceof ClientUpdated updated) {
            clients.upsert(updated.clientId(), updated.name(), updated.status().name());
            statusCascade.statusChanged(updated.clientId(), updated.status(), delivery.event());
        }
    }
}
