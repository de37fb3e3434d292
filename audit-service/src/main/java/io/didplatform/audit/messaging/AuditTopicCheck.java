package io.didplatform.audit.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.support.reconcile.CheckResult;
import io.didplatform.support.reconcile.Differences;
import io.didplatform.support.reconcile.ReconciliationCheck;
import io.didplatform.support.reconcile.TopicScan;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The audit log against the topics it is taken from: every event on a topic that this service's consumer group has
 * passed is stored (or was dead-lettered, and is counted), and every stored event is on a topic. Records after the
 * group's committed offsets are not consumed yet: counted as pending, not differences. A record on a topic more
 * than once (at-least-once publishing) is stored once, and counted.
 * <p>
 * The group's offsets are read first, then the log, then the topics to their ends: the listener commits offsets
 * after its transaction, so whatever the offsets passed is in the log read after them.
 */
@Component
class AuditTopicCheck implements ReconciliationCheck {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate reading;
    private final Map<String, Object> consumerSettings;
    private final Map<String, Object> adminSettings;
    private final List<String> topics;
    private final ObjectMapper json;

    AuditTopicCheck(JdbcTemplate jdbc, PlatformTransactionManager transactions, KafkaProperties kafka, KafkaAdmin admin,
                    @Value("${did.audit.topics}") List<String> topics, ObjectMapper json) {
        // the log is streamed (in a transaction, as PostgreSQL's driver needs), not held by the driver
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(10_000);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.consumerSettings = kafka.buildConsumerProperties(null);
        this.adminSettings = admin.getConfigurationProperties();
        this.topics = List.copyOf(topics);
        this.json = json;
    }

    @Override
    public String name() {
        return "audit-vs-topics";
    }

    private record Position(String topic, int partition, long offset) {
    }

    @Override
    public CheckResult run(int limit) {
        Differences differences = new Differences(name(), limit);
        String group = (String) consumerSettings.get(ConsumerConfig.GROUP_ID_CONFIG);
        Map<TopicPartition, Long> passed = committedOffsets(group);
        Map<String, String> stored = new HashMap<>();
        reading.executeWithoutResult(status -> jdbc.query("select event_id, topic from audit_event",
                (RowCallbackHandler) row -> stored.put(row.getString(1), row.getString(2))));
        Set<Position> deadLettered = new HashSet<>(jdbc.query(
                "select topic, partition_number, record_offset from kafka_dead_letter where consumer_group = ?",
                (row, n) -> new Position(row.getString(1), row.getInt(2), row.getLong(3)), group));
        Set<String> onTopics = new HashSet<>();
        long[] counts = new long[4]; // records, pending, dead-lettered, duplicates
        for (String topic : topics) {
            TopicScan.read(consumerSettings, topic, record -> {
                counts[0]++;
                String id = TopicScan.eventId(json, record.value());
                if (!onTopics.add(id)) {
                    counts[3]++;
                }
                if (stored.containsKey(id)) {
                    return;
                }
                Long offset = passed.get(new TopicPartition(record.topic(), record.partition()));
                if (offset == null || record.offset() >= offset) {
                    counts[1]++;
                } else if (deadLettered.contains(new Position(record.topic(), record.partition(), record.offset()))) {
                    counts[2]++;
                } else {
                    differences.add("MISSING_IN_AUDIT", List.of(id), "event " + id + " (" + record.topic() + "-"
                            + record.partition() + "@" + record.offset() + ") was consumed by " + group
                            + " but is not in the audit log");
                }
            });
        }
        stored.forEach((id, topic) -> {
            if (!onTopics.contains(id)) {
                differences.add("UNKNOWN_IN_AUDIT", List.of(id), "the audit log holds event " + id + " from " + topic
                        + " but no topic has it");
            }
        });
        differences.figure("stored", stored.size());
        differences.figure("recordsOnTopics", counts[0]);
        differences.figure("pendingIngest", counts[1]);
        differences.figure("deadLettered", counts[2]);
        differences.figure("duplicateRecords", counts[3]);
        return differences.result();
    }

    /** Where the group has come to on each partition: every record before it was stored or dead-lettered. */
    private Map<TopicPartition, Long> committedOffsets(String group) {
        try (Admin admin = Admin.create(adminSettings)) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    offsets.put(partition, offset.offset());
                }
            });
            return offsets;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read " + group + "'s offsets: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
