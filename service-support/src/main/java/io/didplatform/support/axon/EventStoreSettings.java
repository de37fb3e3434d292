package io.didplatform.support.axon;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code did.event-store.*}: how the event processors treat gaps in the event store's global index.
 *
 * @param gapTimeout how long a processor waits for the event of a gap (a global index taken by a transaction not yet
 *                   committed) before it gives the gap up for good: Axon's {@code gapTimeout}, set here rather than
 *                   left to its default so the bound below can be checked against it
 */
@Validated
@ConfigurationProperties("did.event-store")
public record EventStoreSettings(@DefaultValue("PT60S") @NotNull @DurationMin(seconds = 1) Duration gapTimeout) {
}
