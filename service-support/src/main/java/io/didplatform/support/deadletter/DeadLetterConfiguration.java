package io.didplatform.support.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.support.kafka.KafkaTopicSettings;
import io.didplatform.support.web.DeadLetterController;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Poison isolation: what a Kafka listener cannot process goes to its consumer's dead-letter topic (and table), what
 * an event processor cannot handle to its dead-letter queue; both are counted, listed, retried and discarded here.
 * Settings: {@link DeadLetterSettings}.
 */
@AutoConfiguration
@EnableConfigurationProperties({DeadLetterSettings.class, KafkaTopicSettings.class})
@Import(DeadLetterController.class)
public class DeadLetterConfiguration {

    @Bean
    public DeadLetterMeters deadLetterMeters(MeterRegistry registry) {
        return new DeadLetterMeters(registry);
    }

    @Bean
    public KafkaDeadLetterStore kafkaDeadLetterStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        return new KafkaDeadLetterStore(jdbc, json, clock);
    }

    @Bean
    public KafkaDeadLetterRecoverer kafkaDeadLetterRecoverer(KafkaTemplate<String, byte[]> kafka,
                                                             KafkaDeadLetterStore store, DeadLetterMeters meters) {
        return new KafkaDeadLetterRecoverer(kafka, store, meters);
    }

    @Bean
    public DeadLetterTopics deadLetterTopics(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin,
                                             KafkaDeadLetterStore store, DeadLetterMeters meters,
                                             KafkaTopicSettings topics) {
        return new DeadLetterTopics(listeners, admin, store, meters, topics.partitions(), topics.replicationFactor());
    }

    @Bean
    public KafkaListenerReplay kafkaListenerReplay(KafkaListenerEndpointRegistry listeners) {
        return new KafkaListenerReplay(listeners);
    }

    @Bean
    public ConfigurerModule processorDeadLetters(EventProcessorProperties processors,
                                                 EntityManagerProvider entityManagers, TransactionManager transactions,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 DeadLetterMeters meters,
                                                 DeadLetterSettings settings) {
        Set<String> groups = processors.getProcessors().entrySet().stream()
                .filter(processor -> processor.getValue().getDlq().isEnabled())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new ProcessorDeadLetters(groups, entityManagers, transactions, serializer, eventSerializer, meters,
                settings.batchAttempts(), settings.maxSequences());
    }

    @Bean
    public DeadLetters deadLetters(JdbcTemplate jdbc, KafkaDeadLetterStore store, KafkaListenerReplay replay,
                                   ObjectProvider<Configuration> axon) {
        return new DeadLetters(jdbc, store, replay, axon);
    }
}
