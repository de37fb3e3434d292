package io.didplatform.clients.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Client-service settings ({@code did.clients.*}). The waits' defaults are in application.yml, next to the
 * environment variables that set them ({@code DID_ASSIGNMENT_WAIT}, {@code DID_PACKAGE_WAIT},
 * {@code DID_ASSIGNMENT_TIMEOUT}).
 *
 * @param assignmentWait    how long taking a DID waits for inventory's answer before it answers 202 with a link
 * @param packageWait       how long a take waits for a client package this service has not heard of yet
 * @param assignmentTimeout how long a request may wait for inventory's answer before it fails with TIMEOUT and
 *                          frees its slot
 * @param snapshotEvery     a snapshot of a client every this many events keeps a busy client's load short
 * @param outcomeRecheck    how often a waiting take reads its outcome again, in case a notification was lost
 */
@Validated
@ConfigurationProperties("did.clients")
public record ClientSettings(@NotNull @DurationMin(seconds = 0) Duration assignmentWait,
                             @NotNull @DurationMin(seconds = 0) Duration packageWait,
                             @NotNull @DurationMin(millis = 1) Duration assignmentTimeout,
                             @DefaultValue("100") @Min(1) int snapshotEvery,
                             @DefaultValue("PT1S") @NotNull @DurationMin(millis = 1) Duration outcomeRecheck) {
}
