package io.didplatform.support.config;

import io.didplatform.support.axon.AxonSupportConfiguration;
import io.didplatform.support.axon.CommandSettings;
import io.didplatform.support.axon.EventStoreSettings;
import io.didplatform.support.axon.ProcessorSettings;
import io.didplatform.support.deadletter.DeadLetterSettings;
import io.didplatform.support.deadline.DeadlineSupportConfiguration;
import io.didplatform.support.kafka.EventSettings;
import io.didplatform.support.kafka.KafkaSupportConfiguration;
import io.didplatform.support.kafka.KafkaTopicSettings;
import io.didplatform.support.security.TrustBoundaryConfiguration;
import io.didplatform.support.web.ApiDocsConfiguration;
import io.didplatform.support.web.ApiErrors;
import io.didplatform.support.web.ProblemErrorController;
import io.didplatform.support.web.ReadYourWrites;
import io.didplatform.support.web.StrictJsonConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import io.didplatform.support.reconcile.ReconciliationConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import java.time.Clock;
import java.time.Duration;

/** What every DID Platform service gets by depending on service-support. */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, JpaAutoConfiguration.class, JpaEventStoreAutoConfiguration.class,
        MicrometerMetricsAutoConfiguration.class})
@Import({AxonSupportConfiguration.class, DeadlineSupportConfiguration.class, KafkaSupportConfiguration.class,
        TrustBoundaryConfiguration.class, SchedulerLocks.class, ApiErrors.class, ProblemErrorController.class,
        StrictJsonConfiguration.class, ApiDocsConfiguration.class, ReconciliationConfiguration.class})
@EnableConfigurationProperties({CommandSettings.class, ProcessorSettings.class, EventStoreSettings.class, DatabaseSettings.class, EventSettings.class, KafkaTopicSettings.class,
        DeadLetterSettings.class})
public class DidServiceAutoConfiguration {

    /** The one source of the time of day (business time: when, until); a test may put a clock of its own. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TableUpkeep tableUpkeep(DataSource dataSource, DatabaseSettings settings) {
        return new TableUpkeep(new JdbcTemplate(dataSource), settings.upkeepInterval());
    }

    @Bean
    ReadYourWrites readYourWrites(@Value("${did.web.read-wait}") Duration within) {
        return new ReadYourWrites(within);
    }
}
