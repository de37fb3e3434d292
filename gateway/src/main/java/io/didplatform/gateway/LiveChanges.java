package io.didplatform.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Follows the platform's topics from their end and tells every listening browser what changed, one summary per
 * poll: a million-DID import becomes a few summaries a second, not a million messages. Each gateway instance
 * reads every event (a consumer group of its own), because each serves its own browsers; nothing is committed.
 */
class LiveChanges implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final LiveProperties properties;
    private final Sinks.Many<LiveChange> sink = Sinks.many().multicast().directBestEffort();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread reader;

    LiveChanges(LiveProperties properties) {
        this.properties = properties;
    }

    Flux<LiveChange> changes() {
        return sink.asFlux();
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-live-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        reader = new Thread(this::follow, "gateway-live");
        reader.setDaemon(true);
        reader.start();
    }

    private void follow() {
        try {
            consumer.subscribe(properties.topics());
            while (!Thread.currentThread().isInterrupted()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(properties.flushEvery());
                if (!records.isEmpty()) {
                    sink.tryEmitNext(summary(records));
                }
            }
        } catch (WakeupException stopping) {
            // stop() asked
        } catch (RuntimeException e) {
            log.error("The live feed stopped: the admin UI will not see changes made elsewhere until a restart", e);
        } finally {
            consumer.close();
        }
    }

    static LiveChange summary(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        Set<String> types = new LinkedHashSet<>();
        Set<String> subjects = new LinkedHashSet<>();
        int count = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            count++;
            String[] typeAndSubject = typeAndSubject(record.value());
            if (typeAndSubject[0] != null) {
                types.add(typeAndSubject[0]);
            }
            if (typeAndSubject[1] != null && subjects.size() < LiveChange.MAX_SUBJECTS) {
                subjects.add(typeAndSubject[1]);
            }
        }
        return new LiveChange(new ArrayList<>(types), new ArrayList<>(subjects), count);
    }

    /** A structured CloudEvent's {@code type} and {@code subject}, read without its data; nulls when unreadable. */
    static String[] typeAndSubject(byte[] value) {
        String[] found = new String[2];
        if (value == null) {
            return found;
        }
        try (JsonParser json = JSON.createParser(value)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return found;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                if (token == JsonToken.VALUE_STRING && name.equals("type")) {
                    found[0] = json.getText();
                } else if (token == JsonToken.VALUE_STRING && name.equals("subject")) {
                    found[1] = json.getText();
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException unreadable) {
            // a record that is not a CloudEvent still counts as a change
        }
        return found;
    }

    @Override
    public void stop() {
        Thread running = reader;
        if (running != null) {
            consumer.wakeup();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader = null;
        }
        sink.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }
}
