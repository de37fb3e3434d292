package io.didplatform.support.deadline;

import io.didplatform.support.axon.MessageContext;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * Durable deadlines for every service. The deadline manager itself is Axon's {@code DbSchedulerDeadlineManager},
 * set up by Axon's {@code AxonDbSchedulerAutoConfiguration} because db-scheduler's Spring Boot starter (a
 * dependency of service-support) provides a {@code Scheduler} on the service's data source; its table comes
 * from {@code db/axon/V0_3__durable_deadlines.sql}. Deadlines are scheduled in the transaction of the command
 * that scheduled them and fire even when they came due while the service was down (at the first poll after
 * start-up, {@code db-scheduler.polling-interval}).
 * <p>
 * This configuration makes what a deadline causes carry the message context: actor {@code system} (the
 * service acts by itself), the correlation id of the request that scheduled it.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineSupportConfiguration {

    @Bean
    public ConfigurerModule deadlineMessageContext(List<CorrelationDataProvider> correlationDataProviders) {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS, () -> {
                    DeadlineManager deadlines = configuration.deadlineManager();
                    deadlines.registerDispatchInterceptor(systemActor());
                    deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
                }));
    }

    /** The scheduling request's actor must not be credited with what the deadline does later. */
    private static MessageDispatchInterceptor<DeadlineMessage<?>> systemActor() {
        return messages -> (index, message) -> message.andMetaData(
                Map.of(MessageContext.ACTOR, MessageContext.SYSTEM_ACTOR));
    }
}
