package io.didplatform.support.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The Kafka records this service's consumers dead-lettered, in the service's database next to the DLT topic: a
 * topic cannot forget a record once retried or discarded, and the admin endpoint lists these together with the
 * event processors' dead letters. A record is stored once per consumer group and offset, however often it was
 * dead-lettered.
 */
public class KafkaDeadLetterStore {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public KafkaDeadLetterStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A stored record, enough to hand it to its listener again. */
    public record StoredRecord(UUID id, String consumerGroup, String topic, int partition, long offset, String key,
                               byte[] value) {
        public ConsumerRecord<String, byte[]> toConsumerRecord() {
            return new ConsumerRecord<>(topic, partition, offset, key, value);
        }
    }

    void add(String consumerGroup, ConsumerRecord<?, ?> record, Throwable cause) {
        byte[] value = record.value() instanceof byte[] bytes ? bytes : null;
        Summary summary = summarise(value);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                        insert into kafka_dead_letter (id, consumer_group, topic, partition_number, record_offset, record_key,
                            record_value, event_id, event_type, subject, cause_type, cause_message, dead_lettered_at,
                            last_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (consumer_group, topic, partition_number, record_offset) do nothing""",
                UUID.randomUUID(), consumerGroup, record.topic(), record.partition(), record.offset(),
                Text.storable(record.key() == null ? null : record.key().toString(), 10_000), value,
                summary.id(), summary.type(), summary.subject(), cause.getClass().getName(),
                Text.storable(Failures.describe(cause), 10_000), now, now);
    }

    public Optional<StoredRecord> find(UUID id) {
        return jdbc.query("""
                        select id, consumer_group, topic, partition_number, record_offset, record_key, record_value
                        from kafka_dead_letter where id = ?""",
                (row, n) -> new StoredRecord(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getInt(4), row.getLong(5), row.getString(6), row.getBytes(7)), id).stream().findFirst();
    }

    public boolean delete(UUID id) {
        return jdbc.update("delete from kafka_dead_letter where id = ?", id) == 1;
    }

    /** A retry failed: the record stays, with the new cause. */
    public void failedAgain(UUID id, Throwable cause) {
        jdbc.update("""
                        update kafka_dead_letter set cause_type = ?, cause_message = ?, last_attempt_at = ?,
                            retries = retries + 1
                        where id = ?""",
                cause.getClass().getName(), Text.storable(Failures.describe(cause), 10_000), Timestamp.from(clock.instant()), id);
    }

    long count(String consumerGroup, String topic) {
        Long count = jdbc.queryForObject("select count(*) from kafka_dead_letter where consumer_group = ? and topic = ?",
                Long.class, consumerGroup, topic);
        return count == null ? 0 : count;
    }

    private record Summary(String id, String type, String subject) {
        static final Summary NONE = new Summary(null, null, null);
    }

    /** What the record says it is, when it is JSON at all: a CloudEvent's id, type and subject. */
    private Summary summarise(byte[] value) {
        if (value == null) {
            return Summary.NONE;
        }
        try {
            JsonNode event = json.readTree(value);
            return event == null || !event.isObject() ? Summary.NONE
                    : new Summary(text(event, "id"), text(event, "type"), text(event, "subject"));
        } catch (IOException e) {
            return Summary.NONE;
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || !value.isValueNode() ? null : Text.storable(value.asText(), 255);
    }
}
