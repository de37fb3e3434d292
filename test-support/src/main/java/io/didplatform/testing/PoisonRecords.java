package io.didplatform.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records no consumer can process, written by hand onto a topic as a careless producer (or a newer one) would: one
 * that is no CloudEvent at all, and a CloudEvent of a type the contracts do not know. And a look at what a
 * consumer's dead-letter topic received.
 */
public final class PoisonRecords implements AutoCloseable {
    /** A type named like the platform's but not an event: the contracts' status enum. */
    public static final String UNKNOWN_TYPE = "did.DidStatus.v1";

    private final TestProducer producer = new TestProducer();

    /** A record as written: where it landed, its bytes, and its event id when it has one. */
    public record Written(String topic, int partition, long offset, byte[] value, String eventId) {
    }

    /** Writes a record that is no CloudEvent. */
    public Written notACloudEvent(String topic, String key) {
        return send(topic, key, ("this is no CloudEvent " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), null);
    }

    /** Writes a well-formed CloudEvent of {@link #UNKNOWN_TYPE} about {@code key}. */
    public Written unknownType(String topic, String key) {
        String id = UUID.randomUUID().toString();
        return send(topic, key, ("{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/a-newer-service\","
                + "\"type\":\"" + UNKNOWN_TYPE + "\",\"subject\":\"" + key + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"status\":\"ACTIVE\"}}").getBytes(StandardCharsets.UTF_8), id);
    }

    /**
     * The records of a dead-letter topic whose value is {@code value}, waiting until there is one. The topic is read
     * from its beginning: a consumer group's dead-letter topic holds only what that group dead-lettered.
     */
    public static List<ConsumerRecord<String, byte[]>> awaitDeadLettered(String deadLetterTopic, byte[] value) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(deadLetterTopic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (Arrays.equals(record.value(), value)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found;
    }

    private Written send(String topic, String key, byte[] value, String eventId) {
        RecordMetadata sent = producer.send(topic, key, value);
        return new Written(topic, sent.partition(), sent.offset(), value, eventId);
    }

    @Override
    public void close() {
        producer.close();
    }
}
