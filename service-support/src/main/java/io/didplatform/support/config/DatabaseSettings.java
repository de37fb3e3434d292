package io.didplatform.support.config;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code did.database.*} read by beans; {@code name} (in the data source URL) and {@code create-if-missing} (read
 * before the context starts, by {@link DatabaseBootstrap}) are set in the YAML.
 *
 * @param upkeepInterval when the server runs without autovacuum, how often the service analyzes and vacuums its own
 *                       tables ({@link TableUpkeep}); zero: never
 */
@Validated
@ConfigurationProperties("did.database")
public record DatabaseSettings(@DefaultValue("PT10S") @NotNull @DurationMin(seconds = 0) Duration upkeepInterval) {
}
