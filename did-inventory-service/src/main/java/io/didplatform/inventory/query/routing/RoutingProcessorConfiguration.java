package io.didplatform.inventory.query.routing;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routing processor is this instance's alone: its tokens live in memory, not in the shared token store, so
 * every instance claims the whole stream and keeps its own table current, instead of sharing segments with the
 * other instances as the read model's processor does.
 */
@Configuration(proxyBeanMethods = false)
class RoutingProcessorConfiguration {

    @Bean
    ConfigurerModule routingProcessorOfItsOwn(ObjectProvider<RoutingStart> start) {
        // looked up when the processor starts: Axon builds its configuration before the database is ready to read
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(RoutingTable.PROCESSING_GROUP, configuration -> new InMemoryTokenStore())
                .registerPooledStreamingEventProcessorConfiguration(RoutingTable.PROCESSING_GROUP,
                        (configuration, builder) -> builder.initialSegmentCount(1).initialToken(source -> start.getObject().startToken(source)));
    }
}
