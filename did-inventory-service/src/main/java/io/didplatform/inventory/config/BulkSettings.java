package io.didplatform.inventory.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk requests ({@code did.bulk.*}).
 *
 * @param maxNumbers the largest range, list or mass change; also the largest import in rows
 * @param batchSize  DIDs created in one transaction by a bulk job
 */
@Validated
@ConfigurationProperties("did.bulk")
public record BulkSettings(@DefaultValue("1000000") @Min(1) long maxNumbers,
                           @DefaultValue("2000") @Min(1) int batchSize) {
}
