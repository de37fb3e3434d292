package io.didplatform.support.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.contracts.Topics;
import io.didplatform.support.deadletter.DeadLetterSettings;
import io.didplatform.support.deadletter.Failures;
import io.didplatform.support.deadletter.KafkaDeadLetterRecoverer;
import io.didplatform.support.axon.ProcessorPositions;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
public class KafkaSupportConfiguration {
    @Bean
    public CloudEventCodec cloudEventCodec(ObjectMapper objectMapper, EventSettings events) {
        return new CloudEventCodec(objectMapper, events.source());
    }

    /** Only services that publish set {@code did.events.topic}. */
    @Bean
    @ConditionalOnProperty("did.events.topic")
    public OutboxPublisher outboxPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, CloudEventCodec codec,
                                           EventSettings events,
                                           @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new OutboxPublisher(kafkaTemplate, codec, events.topic(), eventSerializer);
    }

    @Bean
    @ConditionalOnProperty("did.events.topic")
    public CloudEventOutbox cloudEventOutbox(OutboxPublisher publisher, ObjectProvider<BulkLane> bulkLane) {
        return new CloudEventOutbox(publisher, bulkLane.getIfAvailable());
    }

    /** A service whose bulk jobs append many events at once sets {@code did.events.bulk-lane}. */
    @Bean
    @ConditionalOnProperty(value = "did.events.bulk-lane", havingValue = "true")
    public BulkLane bulkLane(JdbcTemplate jdbcTemplate, ProcessorPositions positions, EventStore eventStore) {
        return new BulkLane(jdbcTemplate, positions, eventStore);
    }

    @Bean
    @ConditionalOnProperty(value = "did.events.bulk-lane", havingValue = "true")
    public BulkEventOutbox bulkEventOutbox(OutboxPublisher publisher, BulkLane bulkLane) {
        return new BulkEventOutbox(publisher, bulkLane);
    }

    @Bean
    public ProcessedEvents processedEvents(JdbcTemplate jdbcTemplate, MeterRegistry meters) {
        return new ProcessedEvents(jdbcTemplate, meters);
    }

    @Bean
    public EventInbox eventInbox(CloudEventCodec codec, ProcessedEvents processedEvents) {
        return new EventInbox(codec, processedEvents);
    }

    /** Every topic exists, with its partitions and retention, before any consumer subscribes. */
    @Bean
    public KafkaAdmin.NewTopics platformTopics(KafkaTopicSettings topics) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.DID_INVENTORY, topics),
                topic(Topics.PACKAGE, topics),
                topic(Topics.CLIENT, topics));
    }

    /**
     * A record its listener cannot process is retried with back-off, then dead-lettered
     * ({@link KafkaDeadLetterRecoverer}) and the partition moves on. Retried for as long as it lasts: a failure that
     * passes by itself ({@link Failures#isTransient}: the database away, say), so no event is dead-lettered for it,
     * every 5 s at most once it has lasted a few seconds: the listener resumes within 5 s of the database's return
     * (with the back-off doubling to 30 s, a take waited 66 s behind a PostgreSQL restart of a few seconds).
     * Retried {@code did.dead-letters.retries} times: any other failure (a command refused, a value the database
     * refuses). Not retried at all: a record that is no event this service can read ({@link InvalidEventException}).
     */
    @Bean
    public CommonErrorHandler kafkaErrorHandler(KafkaDeadLetterRecoverer deadLetters, DeadLetterSettings settings) {
        ExponentialBackOff outage = new ExponentialBackOff(500, 2.0);
        outage.setMaxInterval(5_000);
        ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(settings.retries());
        bounded.setInitialInterval(settings.firstRetryAfter().toMillis());
        bounded.setMultiplier(2.0);
        bounded.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, bounded);
        handler.setBackOffFunction((record, e) -> Failures.isTransient(e) ? outage : null);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    private static NewTopic topic(String name, KafkaTopicSettings topics) {
        return PlatformTopics.kept(name, topics.partitions(), topics.replicationFactor());
    }
}
