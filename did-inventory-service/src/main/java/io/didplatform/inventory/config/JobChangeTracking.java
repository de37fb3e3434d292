package io.didplatform.inventory.config;

import io.didplatform.inventory.process.job.JobChanges;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JobChangeTracking {

    /** A bulk job's id goes from its commands to their events, so that {@link JobChanges} records them for its undo. */
    @Bean
    CorrelationDataProvider jobIdCorrelation() {
        return new SimpleCorrelationDataProvider(JobChanges.JOB_ID);
    }
}
