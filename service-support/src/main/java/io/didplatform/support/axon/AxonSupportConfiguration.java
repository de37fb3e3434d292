package io.didplatform.support.axon;

import io.didplatform.support.kafka.CloudEventOutbox;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AxonSupportConfiguration {

    /** Copies actor, correlation and causation from each command (or event) to the messages it causes. */
    @Bean
    public CorrelationDataProvider messageContextCorrelation() {
        return new SimpleCorrelationDataProvider(MessageContext.ACTOR, MessageContext.CORRELATION, MessageContext.CAUSATION);
    }

    /** Every command sent through the gateway carries its actor and correlation id. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(new RequestContextDispatchInterceptor())
                .build();
    }

    /**
     * A failed Kafka send must stop the outbox and retry later, never skip the event; Axon's default for
     * event handlers is to log and carry on.
     */
    @Bean
    public ConfigurerModule outboxErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(CloudEventOutbox.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
