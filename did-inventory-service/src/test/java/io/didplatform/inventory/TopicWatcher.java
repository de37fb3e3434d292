package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Reads a topic from its end at creation, as a switch keeping a cache would, collecting every CloudEvent that
 * arrives afterwards (quicker than reading the shared broker's topic from its beginning).
 */
final class TopicWatcher implements AutoCloseable {
    private final ObjectMapper json;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Thread thread;

    TopicWatcher(String topic, ObjectMapper json) {
        this.json = json;
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the test sends anything
        thread = new Thread(this::run, "topic-watcher-" + topic);
        thread.start();
    }

    /** The CloudEvents seen so far of this type (e.g. {@code did.DidHeld.v1}) about this subject. */
    List<JsonNode> seen(String type, String subject) {
        return events.stream().filter(e -> type.equals(e.path("type").asText()) && subject.equals(e.path("subject").asText()))
                .toList();
    }

    /** The types of the CloudEvents seen so far about this subject, in the order they came. */
    List<String> typesAbout(String subject) {
        return events.stream().filter(e -> subject.equals(e.path("subject").asText()))
                .map(e -> e.path("type").asText()).toList();
    }

    /** The subjects of the CloudEvents seen so far of this type. */
    Set<String> subjects(String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).map(e -> e.path("subject").asText())
                .collect(Collectors.toSet());
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    events.add(json.readTree(record.value()));
                }
            }
        } catch (WakeupException closing) {
            consumer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join();
    }
}
