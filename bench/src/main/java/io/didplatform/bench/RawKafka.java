package io.didplatform.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * E1's baseline: raw Kafka, produce → consume, on the broker the system uses. One record at a time on a topic of
 * the bench's own ({@link #TOPIC}, as many partitions as the platform's topic, deleted at the end), produced with the
 * services' producer settings (service-support's did-service-defaults.yml) and consumed by a consumer polling all
 * its partitions, as the services' listeners do. The record is a copy of the platform topic's latest one.
 */
final class RawKafka implements AutoCloseable {
    static final String TOPIC = "bench.e1.raw";
    private static final String SAMPLE_HEADER = "bench-sample";
    private static final long PATIENCE_SECONDS = 30;

    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread polling;
    private final BlockingQueue<long[]> received = new LinkedBlockingQueue<>();
    private final String key;
    private final byte[] value;
    private long sample;

    private RawKafka(String bootstrap, String key, byte[] value, int partitions) throws Exception {
        this.key = key;
        this.value = value;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        try {
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new StringSerializer(), new ByteArraySerializer());
        consumer = consumer(bootstrap);
        List<TopicPartition> all = consumer.partitionsFor(TOPIC).stream()
                .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
        consumer.assign(all);
        consumer.seekToEnd(all);
        // resolve the positions now: a record sent before the first poll must not be skipped
        all.forEach(consumer::position);
        polling = new Thread(this::poll, "raw-kafka-consumer");
        polling.start();
    }

    /** A baseline on {@code bootstrap} whose record is the latest on {@code platformTopic}. */
    static RawKafka copying(String bootstrap, String platformTopic) throws Exception {
        try (KafkaConsumer<String, byte[]> reader = consumer(bootstrap)) {
            List<TopicPartition> partitions = reader.partitionsFor(platformTopic).stream()
                    .map(partition -> new TopicPartition(platformTopic, partition.partition())).toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            partitions.forEach(partition -> reader.seek(partition, Math.max(0, ends.get(partition) - 1)));
            ConsumerRecord<String, byte[]> latest = null;
            for (long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); System.nanoTime() < giveUp; ) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (latest == null || record.timestamp() > latest.timestamp()) {
                        latest = record;
                    }
                }
                if (latest != null && reader.assignment().stream().allMatch(p -> reader.position(p) >= ends.get(p))) {
                    break;
                }
            }
            if (latest == null) {
                throw new IllegalStateException("No record on " + platformTopic + " to copy");
            }
            return new RawKafka(bootstrap, latest.key(), latest.value(), partitions.size());
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    int recordBytes() {
        return value.length + (key == null ? 0 : key.length());
    }

    /** One record produced and awaited: ns from {@code send} to the consumer's poll returning it; -1 if it never came. */
    long sample() throws Exception {
        long number = ++sample;
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, value);
        record.headers().add(SAMPLE_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(number).array());
        long sent = System.nanoTime();
        producer.send(record);
        for (long[] got = received.poll(PATIENCE_SECONDS, TimeUnit.SECONDS); got != null;
             got = received.poll(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            if (got[0] == number) {
                return got[1] - sent;
            }
        }
        return -1;
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(5))) {
                    long now = System.nanoTime();
                    var header = record.headers().lastHeader(SAMPLE_HEADER);
                    if (header != null) {
                        received.add(new long[] {ByteBuffer.wrap(header.value()).getLong(), now});
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws Exception {
        consumer.wakeup();
        polling.join(10_000);
        producer.close();
        admin.deleteTopics(List.of(TOPIC)).all().get(10, TimeUnit.SECONDS);
        admin.close();
    }
}
