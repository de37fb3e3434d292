package io.didplatform.inventory.config;

import io.didplatform.inventory.command.registry.DidBookkeeping;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LookupErrorHandling {

    /**
     * A lookup that cannot be written (a DID moved to an operator deleted meanwhile) must fail the command and roll
     * it back; Axon's default would log and let the command through.
     */
    @Bean
    ConfigurerModule commandLookupsPropagateErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                DidBookkeeping.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
