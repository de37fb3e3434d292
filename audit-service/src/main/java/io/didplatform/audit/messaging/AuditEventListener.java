package io.didplatform.audit.messaging;

import io.didplatform.audit.query.AuditIngest;
import io.didplatform.audit.query.AuditIngest.Received;
import io.didplatform.support.deadletter.Failures;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.support.kafka.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes every topic from the beginning, in its own consumer group, a poll's worth of records per
 * transaction (a backlog is caught up in batches). Stored events are recognised by id, so nothing is stored or
 * projected twice. Topics: {@code did.audit.topics}.
 * <p>
 * A failure names the record it is about, so the error handler commits the records before it, retries or
 * dead-letters that one, and goes on after it: a record that is no event this service can read is named at once,
 * after the records before it are stored; a batch the database refuses is stored again record by record to find
 * the one it refuses; an outage is named by the batch's first record, retried until the database is back.
 */
@Component
class AuditEventListener {
    private final CloudEventCodec codec;
    private final AuditIngest ingest;

    AuditEventListener(CloudEventCodec codec, AuditIngest ingest) {
        this.codec = codec;
        this.ingest = ingest;
    }

    @KafkaListener(topics = "#{'${did.audit.topics}'.split(',')}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<Received> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                batch.add(new Received(codec.decode(record.value()), record.topic()));
            } catch (InvalidEventException e) {
                store(batch);
                throw new BatchListenerFailedException(e.getMessage(), e, batch.size());
            }
        }
        store(batch);
    }

    /** Stores the events, which are the batch's first records, in order. */
    private void store(List<Received> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            ingest.record(events);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e) || events.size() == 1) {
                throw new BatchListenerFailedException(e.getMessage(), e, 0);
            }
            for (int i = 0; i < events.size(); i++) {
                try {
                    ingest.record(List.of(events.get(i)));
                } catch (RuntimeException one) {
                    throw new BatchListenerFailedException(one.getMessage(), one, i);
                }
            }
        }
    }
}
