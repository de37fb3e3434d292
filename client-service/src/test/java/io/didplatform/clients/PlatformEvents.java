package io.didplatform.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.contracts.Topics;
import io.didplatform.contracts.inventory.InventoryEvent;
import io.didplatform.contracts.packages.PackageEvent;
import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.support.kafka.InboundEvent;
import io.didplatform.testing.TestProducer;
import org.axonframework.eventhandling.GenericEventMessage;

import java.util.Map;

/**
 * Plays the other services' part on the real broker: publishes package-service's and did-inventory-service's
 * events as those services would, CloudEvents in the platform's codec, keyed by subject.
 */
public final class PlatformEvents implements AutoCloseable {
    private final TestProducer producer = new TestProducer();
    private final CloudEventCodec inventory;
    private final CloudEventCodec packages;

    /** {@code json}: the service's own ObjectMapper, so payloads are written exactly as a platform service writes them. */
    public PlatformEvents(ObjectMapper json) {
        inventory = new CloudEventCodec(json, "/did-inventory-service");
        packages = new CloudEventCodec(json, "/package-service");
    }

    public void publish(PackageEvent event) {
        send(Topics.PACKAGE, packages, event.subject(), event, subjectOnly(event.subject()));
    }

    public void publish(InventoryEvent event) {
        send(Topics.DID_INVENTORY, inventory, event.subject(), event, subjectOnly(event.subject()));
    }

    /** An answer to {@code cause}: same correlation, caused by it, as a platform service's answer would be. */
    public void publish(InventoryEvent event, InboundEvent cause) {
        send(Topics.DID_INVENTORY, inventory, event.subject(), event, Map.of(MessageContext.ACTOR, "stand-in",
                MessageContext.CORRELATION, cause.correlationId(), MessageContext.CAUSATION, cause.id()));
    }

    private static Map<String, String> subjectOnly(String subject) {
        return Map.of(MessageContext.ACTOR, "stand-in", MessageContext.CORRELATION, subject);
    }

    private void send(String topic, CloudEventCodec codec, String subject, Object event, Map<String, String> metaData) {
        var message = GenericEventMessage.asEventMessage(event).andMetaData(metaData);
        producer.send(topic, subject, codec.encode(message, subject));
    }

    @Override
    public void close() {
        producer.close();
    }
}
