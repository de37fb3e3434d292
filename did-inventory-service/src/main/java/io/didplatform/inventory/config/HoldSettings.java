package io.didplatform.inventory.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Holds ({@code did.hold.*}). The intervals the schedules read ({@code cascade.sweep-interval},
 * {@code expiry.poll-interval}) are in application.yml: a schedule's annotation takes a property, not a bean.
 *
 * @param period  how long a DID stays on HOLD before it takes its afterHoldStatus ({@code DID_HOLD_PERIOD})
 * @param cascade how a client package's DIDs follow its state
 */
@Validated
@ConfigurationProperties("did.hold")
public record HoldSettings(@DefaultValue("P30D") @NotNull @DurationMin(millis = 1) Duration period,
                           @DefaultValue @Valid Cascade cascade) {

    /**
     * @param batchSize commands per batch (one transaction each)
     * @param threads   batches at once
     */
    public record Cascade(@DefaultValue("250") @Min(1) int batchSize, @DefaultValue("4") @Min(1) int threads) {
    }
}
