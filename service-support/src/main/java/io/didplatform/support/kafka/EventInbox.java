package io.didplatform.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Optional;

/**
 * What every Kafka listener does before its own work: read the record as a CloudEvent and let each consumer
 * apply an event once. The mark is written in the caller's transaction, with the event's effect, so a
 * redelivery finds it and changes nothing. A record that is not a readable event throws
 * {@link InvalidEventException}, which the listener error handler sends to the consumer's dead letters.
 * <p>
 * Most listeners want {@link #firstDelivery(String, ConsumerRecord)}. One that passes over some events without
 * marking them, or marks them in a transaction of its own, {@linkplain #open opens} the record, decides, and
 * then asks {@link #firstDelivery(String, Delivery)}.
 */
public class EventInbox {
    private final CloudEventCodec codec;
    private final ProcessedEvents processed;

    public EventInbox(CloudEventCodec codec, ProcessedEvents processed) {
        this.codec = codec;
        this.processed = processed;
    }

    /**
     * The record's event the first time {@code consumer} sees it (marked as handled, in the caller's
     * transaction); empty for a redelivery.
     */
    public Optional<Delivery> firstDelivery(String consumer, ConsumerRecord<String, byte[]> record) {
        Delivery delivery = open(record);
        return firstDelivery(consumer, delivery) ? Optional.of(delivery) : Optional.empty();
    }

    /** The record as a CloudEvent; its payload is read when first asked for. */
    public Delivery open(ConsumerRecord<String, byte[]> record) {
        return open(record.value());
    }

    /** A record's value as a CloudEvent; its payload is read when first asked for. */
    public Delivery open(byte[] value) {
        return new Delivery(codec.decode(value), codec);
    }

    /** True the first time {@code consumer} sees the event, which is then marked in the caller's transaction. */
    public boolean firstDelivery(String consumer, Delivery delivery) {
        return processed.firstDelivery(consumer, delivery.event().id());
    }

    /** One event read from Kafka, and its payload as the contracts' record. Used on the listener's thread only. */
    public static final class Delivery {
        private final InboundEvent event;
        private final CloudEventCodec codec;
        private Object payload;
        private boolean payloadRead;

        private Delivery(InboundEvent event, CloudEventCodec codec) {
            this.event = event;
            this.codec = codec;
        }

        public InboundEvent event() {
            return event;
        }

        /**
         * The payload as its contract record.
         *
         * @throws InvalidEventException when the payload is unreadable
         */
        public Object payload() {
            if (!payloadRead) {
                payload = codec.payloadOf(event);
                payloadRead = true;
            }
            return payload;
        }
    }
}
