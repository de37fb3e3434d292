package io.didplatform.audit.messaging;

import io.didplatform.audit.query.AuditLog;
import io.didplatform.contracts.Topics;
import io.didplatform.support.kafka.CloudEventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes every topic from the beginning, in its own consumer group. */
@Component
class AuditEventListener {
    private final CloudEventCodec codec;
    private final AuditLog auditLog;

    AuditEventListener(CloudEventCodec codec, AuditLog auditLog) {
        this.codec = codec;
        this.auditLog = auditLog;
    }

    @KafkaListener(topics = {Topics.DID_INVENTORY, Topics.PACKAGE, Topics.CLIENT})
    void on(ConsumerRecord<String, byte[]> record) {
        auditLog.append(codec.decode(record.value()), record.topic());
    }
}
