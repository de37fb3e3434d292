package io.didplatform.support.deadletter;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * When poison is set aside ({@code did.dead-letters.*}).
 *
 * @param retries         a Kafka record that fails (other than for an outage) is retried this often,
 *                        {@code firstRetryAfter}, then twice as long each time apart, before it is dead-lettered to
 *                        {@code <topic>.<consumer group>.dlt}
 * @param firstRetryAfter the first of those waits
 * @param batchAttempts   an event processor's attempts at a failing batch before it handles the batch's events one
 *                        by one and dead-letters those that still fail
 * @param maxSequences    aggregates a processing group may hold dead letters for; beyond, the processor stops (a
 *                        bug, not poison)
 */
@Validated
@ConfigurationProperties("did.dead-letters")
public record DeadLetterSettings(@DefaultValue("3") @Min(0) int retries,
                                 @DefaultValue("PT1S") @NotNull @DurationMin(millis = 1) Duration firstRetryAfter,
                                 @DefaultValue("3") @Min(1) int batchAttempts,
                                 @DefaultValue("10000") @Min(1) int maxSequences) {
}
