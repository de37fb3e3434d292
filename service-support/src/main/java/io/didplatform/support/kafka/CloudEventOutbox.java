package io.didplatform.support.kafka;

import io.didplatform.contracts.EventTypes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The event store is the outbox: this streaming processor reads every stored event and publishes the published
 * ones (the contracts' records) to the service's topic, keyed by aggregate id, at least once and in order per
 * aggregate, even when the broker was down when the command ran ({@link OutboxPublisher}). In a service with a
 * {@link BulkLane}, the events bulk jobs append are left to that lane, so interactive work is not queued behind them.
 */
@ProcessingGroup(CloudEventOutbox.PROCESSING_GROUP)
@DisallowReplay
public class CloudEventOutbox {
    public static final String PROCESSING_GROUP = "kafka-outbox";

    private final OutboxPublisher publisher;
    private final BulkLane bulkLane;

    /** {@code bulkLane}: null in a service without one, which publishes everything here. */
    public CloudEventOutbox(OutboxPublisher publisher, BulkLane bulkLane) {
        this.publisher = publisher;
        this.bulkLane = bulkLane;
    }

    /** Takes the message rather than its payload: the payload is sent as the event store holds it. */
    @EventHandler
    public void on(EventMessage<?> message, TrackingToken position) {
        if (!EventTypes.isPublished(message.getPayloadType())) {
            return;
        }
        if (bulkLane != null) {
            if (BulkLane.isBulk(message)) {
                return;
            }
            bulkLane.sendFirstEventAhead(message, position, publisher);
        }
        publisher.send(message);
    }
}
