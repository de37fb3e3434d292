package io.didplatform.support.kafka;

import io.didplatform.contracts.EventTypes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/** The outbox's bulk lane ({@link BulkLane}): publishes the events bulk jobs append, and only those. */
@ProcessingGroup(BulkLane.PROCESSING_GROUP)
@DisallowReplay
public class BulkEventOutbox {
    private final OutboxPublisher publisher;
    private final BulkLane lane;

    public BulkEventOutbox(OutboxPublisher publisher, BulkLane lane) {
        this.publisher = publisher;
        this.lane = lane;
    }

    @EventHandler
    public void on(EventMessage<?> message) {
        if (!EventTypes.isPublished(message.getPayloadType()) || !BulkLane.isBulk(message) || lane.sentAhead(message)) {
            return;
        }
        publisher.send(message);
    }
}
