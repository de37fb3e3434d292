package io.didplatform.support.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.support.axon.ProcessorPositions;
import io.didplatform.support.kafka.EventSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The reconciliation endpoint, and the check every publishing service has: its event store against its topic. */
@Configuration(proxyBeanMethods = false)
@Import(ReconciliationController.class)
public class ReconciliationConfiguration {

    @Bean
    @ConditionalOnProperty("did.events.topic")
    public EventTopicCheck eventTopicCheck(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                           ProcessorPositions positions, KafkaProperties kafka, EventSettings events,
                                           ObjectMapper json) {
        return new EventTopicCheck(jdbc, transactions, positions, kafka.buildConsumerProperties(null), events.topic(),
                json);
    }
}
