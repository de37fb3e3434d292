package io.didplatform.packages.config;

import io.didplatform.packages.command.lookup.CommandLookups;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LookupErrorHandling {

    /**
     * A lookup that cannot be written (two packages racing for one name hit the unique index) must fail the
     * command and roll it back; Axon's default would log and let the command through.
     */
    @Bean
    ConfigurerModule commandLookupsPropagateErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                CommandLookups.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
