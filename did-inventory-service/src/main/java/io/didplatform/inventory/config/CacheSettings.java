package io.didplatform.inventory.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * In-memory caches ({@code did.cache.*}).
 *
 * @param dids DID aggregates cached
 */
@Validated
@ConfigurationProperties("did.cache")
public record CacheSettings(@DefaultValue("200000") @Min(1) long dids) {
}
