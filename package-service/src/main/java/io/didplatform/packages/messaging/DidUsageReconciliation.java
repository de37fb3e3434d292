package io.didplatform.packages.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.contracts.Topics;
import io.didplatform.packages.usage.DidUsage;
import io.didplatform.support.kafka.EventInbox;
import io.didplatform.support.reconcile.ProjectionReplayCheck.Table;
import io.didplatform.support.reconcile.TopicProjectionReplayCheck;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.List;

/** Which client package each DID counts against, in the reconciliation: replayed from inventory's topic. */
@Configuration(proxyBeanMethods = false)
class DidUsageReconciliation {

    @Bean
    TopicProjectionReplayCheck didUsageCheck(DataSource dataSource, EventInbox inbox, KafkaProperties kafka,
                                             ObjectMapper json) {
        return new TopicProjectionReplayCheck("did-usage-vs-topic", DidEventListener.CONSUMER, Topics.DID_INVENTORY,
                List.of(new Table("did_usage", "number")), jdbc -> {
                    DidUsage usage = new DidUsage(jdbc);
                    return delivery -> DidEventListener.project(delivery.payload(), usage);
                }, dataSource, inbox, kafka.buildConsumerProperties(null), json);
    }
}
