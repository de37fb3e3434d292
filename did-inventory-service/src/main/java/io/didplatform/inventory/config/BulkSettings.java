package io.didplatform.inventory.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk requests ({@code did.bulk.*}; {@code batch-size}, the DIDs per batch, is read by {@code DidCreationJob}).
 *
 * @param maxNumbers the largest range, list or mass change; also the largest import in rows
 */
@Validated
@ConfigurationProperties("did.bulk")
public record BulkSettings(@DefaultValue("1000000") @Min(1) long maxNumbers) {
}
