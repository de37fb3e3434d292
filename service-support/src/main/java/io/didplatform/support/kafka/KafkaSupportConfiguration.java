package io.didplatform.support.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
public class KafkaSupportConfiguration {
    private static final Logger log = LoggerFactory.getLogger(KafkaSupportConfiguration.class);

    @Bean
    public CloudEventCodec cloudEventCodec(ObjectMapper objectMapper,
                                           @Value("${did.events.source:/${spring.application.name}}") String source) {
        return new CloudEventCodec(objectMapper, source);
    }

    /** Only services that publish set {@code did.events.topic}. */
    @Bean
    @ConditionalOnProperty("did.events.topic")
    public CloudEventOutbox cloudEventOutbox(KafkaTemplate<String, byte[]> kafkaTemplate, CloudEventCodec codec,
                                             @Value("${did.events.topic}") String topic,
                                             @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new CloudEventOutbox(kafkaTemplate, codec, topic, eventSerializer);
    }

    @Bean
    public ProcessedEvents processedEvents(JdbcTemplate jdbcTemplate) {
        return new ProcessedEvents(jdbcTemplate);
    }

    @Bean
    public EventInbox eventInbox(CloudEventCodec codec, ProcessedEvents processedEvents) {
        return new EventInbox(codec, processedEvents);
    }

    /** Every topic exists, with its partitions, before any consumer subscribes. */
    @Bean
    public KafkaAdmin.NewTopics platformTopics(@Value("${did.kafka.partitions:3}") int partitions,
                                               @Value("${did.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.DID_INVENTORY, partitions, replicas),
                topic(Topics.PACKAGE, partitions, replicas),
                topic(Topics.CLIENT, partitions, replicas));
    }

    /**
     * Failed deliveries are retried with back-off, never dropped (the database may be briefly away);
     * only a record that is not a readable event is logged and skipped.
     */
    @Bean
    public CommonErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> log.error("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage()),
                backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }
}
