package io.didplatform.support.kafka;

import io.didplatform.support.axon.ProcessorPositions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox's second lane, for the events bulk jobs append (a range's or an import's DidCreated, marked in their
 * metadata): published by a processor of their own ({@link BulkEventOutbox}), so a take or a deactivation is not
 * queued behind a million of them on {@link CloudEventOutbox}. Order per aggregate still holds: a bulk event is
 * always its aggregate's first (sequence 0), and before the interactive lane publishes a later event of an aggregate
 * whose first event the bulk lane has not published yet, it publishes that one itself and notes it in
 * {@code outbox_sent_ahead}, for the bulk lane to pass over.
 */
public class BulkLane {
    public static final String PROCESSING_GROUP = "kafka-outbox-bulk";
    static final String METADATA_KEY = "outboxLane";
    static final String BULK = "bulk";
    private static final String POSITION = BulkLane.class.getName() + ".position";
    private static final String SENT_AHEAD = BulkLane.class.getName() + ".sentAhead";

    private final JdbcTemplate jdbc;
    private final ProcessorPositions positions;
    private final EventStore events;

    public BulkLane(JdbcTemplate jdbc, ProcessorPositions positions, EventStore events) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.events = events;
    }

    /** The metadata of events a bulk job appends: {@code metaData} with the lane's mark. */
    public static Map<String, Object> marked(Map<String, ?> metaData) {
        Map<String, Object> marked = new HashMap<>(metaData);
        marked.put(METADATA_KEY, BULK);
        return marked;
    }

    static boolean isBulk(EventMessage<?> message) {
        return BULK.equals(message.getMetaData().get(METADATA_KEY));
    }

    /**
     * On the interactive lane, before {@code message} (stored at {@code position}): its aggregate's first event,
     * when that is a bulk event the bulk lane may not have published yet.
     */
    void sendFirstEventAhead(EventMessage<?> message, TrackingToken position, OutboxPublisher publisher) {
        if (!(message instanceof DomainEventMessage<?> event) || event.getType() == null
                || event.getSequenceNumber() == 0) {
            return;
        }
        Optional<TrackingToken> bulkLane = bulkLanePosition();
        long index = position == null ? Long.MAX_VALUE : position.position().orElse(Long.MAX_VALUE);
        if (bulkLane.isPresent() && index > 0 && bulkLane.get().covers(
                GapAwareTrackingToken.newInstance(index - 1, Collections.emptySortedSet()))) {
            return;
        }
        List<Long> first = jdbc.queryForList("select global_index from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0", Long.class, event.getAggregateIdentifier());
        if (first.isEmpty() || bulkLane.isPresent() && ProcessorPositions.hasHandled(bulkLane.get(), first.get(0))) {
            return;
        }
        DomainEventStream stream = events.readEvents(event.getAggregateIdentifier(), 0);
        if (!stream.hasNext()) {
            return;
        }
        DomainEventMessage<?> firstEvent = stream.next();
        if (isBulk(firstEvent) && jdbc.update("insert into outbox_sent_ahead (event_id) values (?)"
                + " on conflict do nothing", firstEvent.getIdentifier()) == 1) {
            publisher.send(firstEvent);
        }
    }

    /**
     * On the bulk lane: whether the interactive lane already published this event; if so the note is removed with
     * this batch. The notes are read once a batch (there are few, usually none).
     */
    boolean sentAhead(EventMessage<?> message) {
        Set<String> sentAhead = CurrentUnitOfWork.get().root().getOrComputeResource(SENT_AHEAD,
                key -> new HashSet<>(jdbc.queryForList("select event_id from outbox_sent_ahead", String.class)));
        if (!sentAhead.remove(message.getIdentifier())) {
            return false;
        }
        jdbc.update("delete from outbox_sent_ahead where event_id = ?", message.getIdentifier());
        return true;
    }

    /** The bulk lane's position, read once a batch of the interactive lane; empty before it has one. */
    private Optional<TrackingToken> bulkLanePosition() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(POSITION,
                key -> Optional.ofNullable(positions.lowest(jdbc, PROCESSING_GROUP)));
    }
}
