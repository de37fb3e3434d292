package io.didplatform.packages.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The time deadline handlers compare against; commands carry their own {@code now}. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
