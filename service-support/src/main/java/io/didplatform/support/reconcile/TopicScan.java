package io.didplatform.support.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a topic from its beginning to the end it had when the scan began, committed records only, without a
 * consumer group (so no service's offsets move), handing every record over.
 */
public final class TopicScan {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_LIMIT = Duration.ofMinutes(5);

    private TopicScan() {
    }

    public static void read(Map<String, Object> consumerSettings, String topic,
                            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<TopicPartition> unfinished = new HashSet<>(partitions);
            unfinished.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!unfinished.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
                unfinished.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            }
        }
    }

    /** A record's CloudEvent id, or a placeholder that names what is wrong with it. */
    public static String eventId(ObjectMapper json, byte[] value) {
        try {
            JsonNode id = value == null ? null : json.readTree(value).get("id");
            return id == null ? "(record without an id)" : id.asText();
        } catch (IOException e) {
            return "(unreadable record)";
        }
    }
}
