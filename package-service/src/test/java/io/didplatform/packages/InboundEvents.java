package io.didplatform.packages;

import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.kafka.CloudEventCodec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Publishes another service's event to its topic as that service would: a CloudEvent keyed by its subject. */
public final class InboundEvents {
    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventCodec codec;

    public InboundEvents(KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    public void publish(String topic, String subject, Object payload) {
        send(topic, subject, cloudEvent(subject, payload));
    }

    /** A new CloudEvent (new id) for the payload; send the same bytes twice to test de-duplication. */
    public byte[] cloudEvent(String subject, Object payload) {
        return codec.encode(GenericEventMessage.asEventMessage(payload).andMetaData(Map.of(MessageContext.ACTOR, "it-user")),
                subject);
    }

    public void send(String topic, String subject, byte[] value) {
        try {
            kafka.send(new ProducerRecord<>(topic, subject, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
