package io.didplatform.clients.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.clients.query.ClientPackages;
import io.didplatform.contracts.Topics;
import io.didplatform.support.kafka.EventInbox;
import io.didplatform.support.reconcile.ProjectionReplayCheck.Table;
import io.didplatform.support.reconcile.TopicProjectionReplayCheck;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/** The packages and client packages this service knows, in the reconciliation: replayed from package.events. */
@Configuration(proxyBeanMethods = false)
class ClientPackagesReconciliation {

    @Bean
    TopicProjectionReplayCheck clientPackagesCheck(DataSource dataSource, EventInbox inbox, KafkaProperties kafka,
                                                   ObjectMapper json, Clock clock) {
        return new TopicProjectionReplayCheck("client-packages-vs-topic", PackageEventListener.CONSUMER, Topics.PACKAGE,
                List.of(new Table("client_package_view", "id"), new Table("package_view", "id")), jdbc -> {
                    ClientPackages clientPackages = new ClientPackages(jdbc);
                    return delivery -> PackageEventListener.project(delivery, clientPackages, clock);
                }, dataSource, inbox, kafka.buildConsumerProperties(null), json);
    }
}
