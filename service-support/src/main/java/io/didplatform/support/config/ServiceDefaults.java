package io.didplatform.support.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code did-service-defaults.yml} as the lowest-precedence configuration, so every service shares
 * the Axon-on-PostgreSQL, Kafka and actuator settings while its own {@code application.yml} and the
 * environment still override any of them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon's usage report calls a host outside the network; these machines must not try
        System.setProperty("axoniq.update-checker.disabled", "true");
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("did-service-defaults", new ClassPathResource("did-service-defaults.yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        // after the config files are read, before DatabaseBootstrap needs did.database.create-if-missing
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
