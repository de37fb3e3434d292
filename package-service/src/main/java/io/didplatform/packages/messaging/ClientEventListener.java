package io.didplatform.packages.messaging;

import io.didplatform.contracts.Topics;
import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientUpdated;
import io.didplatform.packages.command.lookup.KnownClients;
import io.didplatform.support.kafka.EventInbox;
import io.didplatform.support.kafka.EventInbox.Delivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Learns clients from client-service's events; each event applied once. */
@Component
class ClientEventListener {
    private static final String CONSUMER = "package-service.clients";
    private final EventInbox inbox;
    private final KnownClients clients;

    ClientEventListener(EventInbox inbox, KnownClients clients) {
        this.inbox = inbox;
        this.clients = clients;
    }

    @KafkaListener(topics = Topics.CLIENT)
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        Object payload = inbox.firstDelivery(CONSUMER, record).map(Delivery::payload).orElse(null);
        if (payload instanceof ClientCreated created) {
            clients.upsert(created.clientId(), created.name(), created.status().name());
        } else if (payload instanceof ClientUpdated updated) {
            clients.upsert(updated.clientId(), updated.name(), updated.status().name());
        }
    }
}
