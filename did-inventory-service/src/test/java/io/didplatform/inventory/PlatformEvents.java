package io.didplatform.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.contracts.Topics;
import io.didplatform.contracts.clients.ClientEvent;
import io.didplatform.contracts.packages.PackageEvent;
import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.testing.TestProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.GenericEventMessage;

import java.util.Map;

/**
 * Plays client-service's and package-service's part on the real broker: publishes their events as those
 * services do (CloudEvents in the platform's codec, keyed by subject, with actor and correlation).
 */
public final class PlatformEvents implements AutoCloseable {
    /** One published event: its topic, key and the exact bytes, so it can be delivered again. */
    public record Sent(String topic, String key, byte[] value, String id) {
    }

    private final TestProducer producer = new TestProducer();
    private final CloudEventCodec clients;
    private final CloudEventCodec packages;

    /** {@code json}: the service's own ObjectMapper, so payloads are written exactly as a platform service writes them. */
    public PlatformEvents(ObjectMapper json) {
        clients = new CloudEventCodec(json, "/client-service");
        packages = new CloudEventCodec(json, "/package-service");
    }

    public Sent publish(ClientEvent event) {
        return send(Topics.CLIENT, clients, event.subject(), event);
    }

    public Sent publish(PackageEvent event) {
        return send(Topics.PACKAGE, packages, event.subject(), event);
    }

    /**
     * Delivers an event again, same id and all, as a producer retry or a consumer rebalance would; returns where
     * the broker put it.
     */
    public RecordMetadata redeliver(Sent sent) {
        return producer.send(sent.topic(), sent.key(), sent.value());
    }

    /** The event as it would be published, not sent yet: its id is known before it is delivered. */
    public Sent encode(ClientEvent event) {
        return encode(Topics.CLIENT, clients, event.subject(), event);
    }

    private Sent send(String topic, CloudEventCodec codec, String subject, Object event) {
        Sent sent = encode(topic, codec, subject, event);
        redeliver(sent);
        return sent;
    }

    private static Sent encode(String topic, CloudEventCodec codec, String subject, Object event) {
        var message = GenericEventMessage.asEventMessage(event)
                .andMetaData(Map.of(MessageContext.ACTOR, "stand-in", MessageContext.CORRELATION, subject));
        return new Sent(topic, subject, codec.encode(message, subject), message.getIdentifier());
    }

    @Override
    public void close() {
        producer.close();
    }
}
