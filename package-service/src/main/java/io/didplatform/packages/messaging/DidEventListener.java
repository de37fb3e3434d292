package io.didplatform.packages.messaging;

import io.didplatform.contracts.Topics;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.HoldReason;
import io.didplatform.packages.usage.DidUsage;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.support.kafka.InboundEvent;
import io.didplatform.support.kafka.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the DIDs each client package holds from inventory's events: assigned counts, given back (held with
 * reason RELEASED) or released at the end of a hold uncounts. A hold because the package went inactive still
 * counts: the number may come back. Events of one number arrive in order (keyed by number).
 */
@Component
class DidEventListener {
    private static final String CONSUMER = "package-service.dids";
    private final CloudEventCodec codec;
    private final ProcessedEvents processed;
    private final DidUsage usage;

    DidEventListener(CloudEventCodec codec, ProcessedEvents processed, DidUsage usage) {
        this.codec = codec;
        this.processed = processed;
        this.usage = usage;
    }

    @KafkaListener(topics = Topics.DID_INVENTORY)
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = codec.decode(record.value());
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        Object payload = codec.payloadOf(event);
        if (payload instanceof DidAssigned assigned && assigned.clientPackageId() != null) {
            usage.assigned(assigned.number(), assigned.clientPackageId());
        } else if (payload instanceof DidHeld held && held.reason() == HoldReason.RELEASED) {
            usage.freed(held.number());
        } else if (payload instanceof DidReleased released) {
            usage.freed(released.number());
        }
    }
}
