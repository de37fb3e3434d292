package io.didplatform.inventory.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Bulk jobs ({@code did.jobs.*}). {@code heartbeat-interval}, which a schedule reads, is in application.yml.
 *
 * @param instanceId          who runs a job (application.yml: host and port): a restarted instance fails the jobs
 *                            it was running
 * @param threads             jobs running at once; later ones wait their turn
 * @param maxReportedErrors   errors kept per job; more are counted as omitted
 * @param answerWithin        a bulk request answers 200 when its job ends within this, else 202
 * @param silenceBeforeFailed how long a job's instance may miss its heartbeat before another fails the job
 * @param searchableWithin    how long a finished job waits for search and export to show its DIDs before it is
 *                            COMPLETED anyway, with a detail saying so
 * @param outagePatience      how long a job waits out a database outage, trying its step again, before it stops
 *                            FAILED (less than {@code silenceBeforeFailed}, or another instance fails it meanwhile)
 */
@Validated
@ConfigurationProperties("did.jobs")
public record JobSettings(@NotBlank String instanceId,
                          @DefaultValue("2") @Min(1) int threads,
                          @DefaultValue("10000") @Min(0) int maxReportedErrors,
                          @DefaultValue("PT2S") @NotNull @DurationMin(seconds = 0) Duration answerWithin,
                          @DefaultValue("PT2M") @NotNull @DurationMin(millis = 1) Duration silenceBeforeFailed,
                          @DefaultValue("PT10M") @NotNull @DurationMin(seconds = 0) Duration searchableWithin,
                          @DefaultValue("PT1M") @NotNull @DurationMin(seconds = 0) Duration outagePatience) {
    @AssertTrue(message = "did.jobs.outage-patience must be shorter than did.jobs.silence-before-failed")
    boolean isOutagePatienceShorterThanSilence() {
        return outagePatience.compareTo(silenceBeforeFailed) < 0;
    }
}
