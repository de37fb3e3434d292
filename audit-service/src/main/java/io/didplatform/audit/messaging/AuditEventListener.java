package io.didplatform.audit.messaging;

import io.didplatform.audit.query.AuditIngest;
import io.didplatform.audit.query.AuditIngest.Received;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.support.kafka.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes every topic from the beginning, in its own consumer group, a poll's worth of records per
 * transaction (a backlog is caught up in batches). A failed batch is retried whole; stored events are
 * recognised by id, so nothing is stored or projected twice. Topics: {@code did.audit.topics}.
 */
@Component
class AuditEventListener {
    private static final Logger log = LoggerFactory.getLogger(AuditEventListener.class);
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
                log.error("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        ingest.record(batch);
    }
}
