package io.didplatform.clients.config;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientAggregateConfiguration {

    /**
     * A client's stream grows with every request and change to its DIDs, and every command loads it: a snapshot
     * every {@code did.clients.snapshot-every} events keeps a busy client's load short.
     */
    @Bean
    SnapshotTriggerDefinition clientSnapshotTrigger(Snapshotter snapshotter, ClientSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotEvery());
    }
}
