package io.didplatform.support.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.contracts.EventTypes;
import io.didplatform.support.axon.ProcessorPositions;
import io.didplatform.support.kafka.BulkLane;
import io.didplatform.support.kafka.CloudEventOutbox;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event store against the service's topic: every published event the outbox has passed is on the topic, and
 * nothing is on the topic that the store does not hold. Events the outbox has not reached yet are counted as
 * pending, not as differences; a record on the topic more than once (at-least-once publishing after a broker
 * outage; consumers de-duplicate) is counted, not a difference. Gaps in the store's positions (rolled-back
 * transactions, sequence numbers PostgreSQL skips after a crash) hold no event, so they cannot be missing anywhere.
 * <p>
 * The store is read in one repeatable-read snapshot with the outbox's token, then the topic to its end: whatever
 * the token covered was acknowledged by Kafka before the token was stored, so it must be there.
 */
public class EventTopicCheck implements ReconciliationCheck {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final ProcessorPositions positions;
    private final Map<String, Object> consumerSettings;
    private final String topic;
    private final ObjectMapper json;
    private final Map<String, Boolean> publishedTypes = new ConcurrentHashMap<>();

    public EventTopicCheck(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProcessorPositions positions,
                           Map<String, Object> consumerSettings, String topic, ObjectMapper json) {
        // the store is streamed, not held by the driver: a million events are a million rows
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(10_000);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.positions = positions;
        this.consumerSettings = consumerSettings;
        this.topic = topic;
        this.json = json;
    }

    @Override
    public String name() {
        return "event-store-vs-topic";
    }

    private record StoredEvent(String aggregateId, String type) {
    }

    @Override
    public CheckResult run(int limit) {
        Differences differences = new Differences(name(), limit);
        Map<String, StoredEvent> published = new HashMap<>();
        long[] pending = {0};
        snapshot.executeWithoutResult(status -> {
            TrackingToken outbox = outboxPosition();
            jdbc.query("select global_index, event_identifier, aggregate_identifier, payload_type from domain_event_entry",
                    row -> {
                        String type = row.getString(4);
                        if (!isPublished(type)) {
                            return;
                        }
                        if (!ProcessorPositions.hasHandled(outbox, row.getLong(1))) {
                            pending[0]++;
                            return;
                        }
                        published.put(row.getString(2), new StoredEvent(row.getString(3), type));
                    });
        });
        Map<String, Integer> onTopic = readTopic();
        long duplicates = 0;
        for (Map.Entry<String, Integer> record : onTopic.entrySet()) {
            duplicates += record.getValue() - 1;
            if (!published.containsKey(record.getKey()) && !storedNow(record.getKey())) {
                differences.add("UNKNOWN_ON_TOPIC", List.of(record.getKey()),
                        "event " + record.getKey() + " is on " + topic + " but not in the event store");
            }
        }
        published.forEach((id, event) -> {
            if (!onTopic.containsKey(id)) {
                differences.add("MISSING_ON_TOPIC", List.of(id, event.aggregateId()), "stored event " + id + " ("
                        + event.type().substring(event.type().lastIndexOf('.') + 1) + " of " + event.aggregateId()
                        + ") was passed by the outbox but is not on " + topic);
            }
        });
        differences.figure("storedPublished", published.size());
        differences.figure("pendingPublication", pending[0]);
        differences.figure("distinctOnTopic", onTopic.size());
        differences.figure("duplicateRecords", duplicates);
        return differences.result();
    }

    /**
     * Where the outbox stands: with a bulk lane, the lower of its two lanes' positions, as an event counts as passed
     * once both lanes have passed it.
     */
    private TrackingToken outboxPosition() {
        TrackingToken interactive = positions.lowest(jdbc, CloudEventOutbox.PROCESSING_GROUP);
        TrackingToken bulk = positions.lowest(jdbc, BulkLane.PROCESSING_GROUP);
        return interactive == null || bulk == null ? interactive : interactive.lowerBound(bulk);
    }

    /** An event stored after the snapshot and published before the topic was read. */
    private boolean storedNow(String eventId) {
        Integer found = jdbc.queryForObject("select count(*) from domain_event_entry where event_identifier = ?",
                Integer.class, eventId);
        return found != null && found > 0;
    }

    /** Every record's CloudEvent id on the topic, with how often it is there; read from the beginning to the end. */
    private Map<String, Integer> readTopic() {
        Map<String, Integer> ids = new HashMap<>();
        TopicScan.read(consumerSettings, topic, record -> ids.merge(TopicScan.eventId(json, record.value()), 1,
                Integer::sum));
        return ids;
    }

    private boolean isPublished(String payloadType) {
        return publishedTypes.computeIfAbsent(payloadType, type -> {
            Class<?> eventClass = classOf(type);
            return eventClass != null && EventTypes.isPublished(eventClass);
        });
    }

    private static Class<?> classOf(String payloadType) {
        try {
            return Class.forName(payloadType);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
