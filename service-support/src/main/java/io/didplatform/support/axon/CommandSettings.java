package io.didplatform.support.axon;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code did.commands.*}: how a command that lost a race on its aggregate's stream is sent again
 * ({@link ConflictRetryScheduler}).
 *
 * @param conflictRetries how often a command is sent again after another writer (this or another instance) appended
 *                        to its aggregate first; zero: never
 * @param conflictBackoff the first pause before sending it again; each further pause is up to twice as long, at
 *                        random, so racing instances fall out of step
 */
@Validated
@ConfigurationProperties("did.commands")
public record CommandSettings(@DefaultValue("10") @Min(0) @Max(100) int conflictRetries,
                              @DefaultValue("PT0.01S") @NotNull @DurationMin(millis = 1) Duration conflictBackoff) {
}
