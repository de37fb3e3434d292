package io.didplatform.support.deadletter;

import io.didplatform.contracts.EventTypes;
import io.didplatform.support.deadletter.KafkaDeadLetterStore.StoredRecord;
import io.didplatform.support.web.DomainException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * This service's dead letters, both kinds: Kafka records its listeners could not process, and events its processors
 * could not handle. Listed newest first; retried (handed to the same consumer again, and gone once it succeeds)
 * or discarded.
 */
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String LETTERS = """
            select id::text as id, 'kafka' as kind, topic || '.' || consumer_group as consumer, event_id,
                   event_type as type, subject as aggregate, cause_type, cause_message, dead_lettered_at,
                   last_attempt_at, retries, topic, partition_number, record_offset
            from kafka_dead_letter
            union all
            select dead_letter_id, 'axon', processing_group, event_identifier, payload_type,
                   coalesce(aggregate_identifier, sequence_identifier), cause_type, cause_message, enqueued_at,
                   coalesce(last_touched, enqueued_at), null, null, null, null
            from dead_letter_entry
            """;

    private final JdbcTemplate jdbc;
    private final KafkaDeadLetterStore kafka;
    private final KafkaListenerReplay replay;
    private final ObjectProvider<Configuration> axon;

    public DeadLetters(JdbcTemplate jdbc, KafkaDeadLetterStore kafka, KafkaListenerReplay replay,
                       ObjectProvider<Configuration> axon) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.replay = replay;
        this.axon = axon;
    }

    public Page<DeadLetterSummary> list(Pageable page) {
        Long total = jdbc.queryForObject("select count(*) from (" + LETTERS + ") letters", Long.class);
        List<DeadLetterSummary> letters = jdbc.query("select * from (" + LETTERS + ") letters"
                        + " order by dead_lettered_at desc, id limit ? offset ?",
                (row, n) -> summary(row), page.getPageSize(), page.getOffset());
        return new PageImpl<>(letters, page, total == null ? 0 : total);
    }

    /**
     * Hands the dead letter to its consumer again; gone once that succeeds. An event processor's dead letter is
     * retried with the whole of its aggregate's sequence, in order, from the first.
     *
     * @throws DomainException NOT_FOUND when there is no such dead letter, CONFLICT when it fails again
     */
    public void retry(String id) {
        Optional<StoredRecord> record = uuid(id).flatMap(kafka::find);
        if (record.isPresent()) {
            retryRecord(record.get());
        } else {
            retryEvent(axonLetter(id).orElseThrow(() -> notFound(id)));
        }
    }

    /** @throws DomainException NOT_FOUND when there is no such dead letter */
    public void discard(String id) {
        if (uuid(id).map(kafka::delete).orElse(false)) {
            log.info("Discarded dead-lettered Kafka record {}", id);
            return;
        }
        AxonLetter letter = axonLetter(id).orElseThrow(() -> notFound(id));
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(letter.processingGroup());
        find(queue, letter).ifPresent(queue::evict);
        log.info("Discarded dead-lettered event {} of processing group {}", id, letter.processingGroup());
    }

    private void retryRecord(StoredRecord record) {
        try {
            replay.replay(record.toConsumerRecord());
        } catch (RuntimeException e) {
            Throwable reason = Failures.reasonOf(e);
            kafka.failedAgain(record.id(), reason);
            throw DomainException.conflict("DEAD_LETTER_STILL_FAILS", "The record still fails: " + Failures.describe(reason));
        }
        kafka.delete(record.id());
        log.info("Retried dead-lettered Kafka record {} ({}-{}@{}): processed", record.id(), record.topic(),
                record.partition(), record.offset());
    }

    private void retryEvent(AxonLetter letter) {
        EventProcessingConfiguration processing = axon.getObject().eventProcessingConfiguration();
        try {
            processing.sequencedDeadLetterProcessor(letter.processingGroup())
                    .orElseThrow(() -> new IllegalStateException("no dead letters for " + letter.processingGroup()))
                    .process(first -> first instanceof JpaDeadLetter<?> stored
                            && stored.getSequenceIdentifier().equals(letter.sequence()));
        } catch (RuntimeException e) {
            // the handlers' writes failed when the retry committed, which rolled the queue's changes back too
            Throwable reason = Failures.reasonOf(e);
            recordFailure(letter, reason);
            throw DomainException.conflict("DEAD_LETTER_STILL_FAILS", "The event still fails: " + Failures.describe(reason));
        }
        Optional<AxonLetter> left = axonLetter(letter.id());
        if (left.isPresent()) {
            throw DomainException.conflict("DEAD_LETTER_STILL_FAILS", left.get().cause() == null
                    ? "The event waits behind an earlier dead letter of its aggregate, which still fails, or is being retried"
                    : "The event still fails: " + left.get().cause());
        }
        log.info("Retried dead-lettered event {} of processing group {}: processed", letter.id(), letter.processingGroup());
    }

    private void recordFailure(AxonLetter letter, Throwable reason) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(letter.processingGroup());
        transactions().executeInTransaction(() -> find(queue, letter).ifPresent(stored ->
                queue.requeue(stored, current -> current.withCause(DeadLetterCauses.of(reason)))));
    }

    private record AxonLetter(String id, String processingGroup, String sequence, String cause) {
    }

    private Optional<AxonLetter> axonLetter(String id) {
        return jdbc.query("""
                        select dead_letter_id, processing_group, sequence_identifier, cause_message
                        from dead_letter_entry where dead_letter_id = ?""",
                (row, n) -> new AxonLetter(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                id).stream().findFirst();
    }

    private static Optional<DeadLetter<? extends EventMessage<?>>> find(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                                        AxonLetter letter) {
        return StreamSupport.stream(queue.deadLetterSequence(letter.sequence()).spliterator(), false)
                .filter(stored -> stored instanceof JpaDeadLetter<?> jpa && jpa.getId().equals(letter.id()))
                .findFirst();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String processingGroup) {
        return axon.getObject().eventProcessingConfiguration().deadLetterQueue(processingGroup)
                .orElseThrow(() -> new IllegalStateException("no dead letters for " + processingGroup));
    }

    private TransactionManager transactions() {
        return axon.getObject().getComponent(TransactionManager.class);
    }

    private static DeadLetterSummary summary(ResultSet row) throws SQLException {
        String kind = row.getString("kind");
        String causeType = row.getString("cause_type");
        return new DeadLetterSummary(row.getString("id"), kind, row.getString("consumer"), row.getString("event_id"),
                "axon".equals(kind) ? eventType(row.getString("type")) : row.getString("type"),
                row.getString("aggregate"), row.getString("cause_message"), causeType, causeType == null,
                instant(row.getTimestamp("dead_lettered_at")), instant(row.getTimestamp("last_attempt_at")),
                (Integer) row.getObject("retries"), row.getString("topic"), (Integer) row.getObject("partition_number"),
                (Long) row.getObject("record_offset"));
    }

    /** A stored payload type (a class name) as the event's type on Kafka, when it is a published event. */
    private static String eventType(String payloadType) {
        try {
            Class<?> type = Class.forName(payloadType);
            return EventTypes.isPublished(type) ? EventTypes.typeOf(type) : type.getSimpleName();
        } catch (ClassNotFoundException e) {
            return payloadType;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static DomainException notFound(String id) {
        return DomainException.notFound("DEAD_LETTER_NOT_FOUND", "No dead letter " + id);
    }
}
