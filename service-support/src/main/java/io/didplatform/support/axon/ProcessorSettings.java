package io.didplatform.support.axon;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code did.processors.*}: how the service's instances share its Axon event processors.
 *
 * @param segments   segments a shared processor starts with when it has no tokens yet (read by Axon's processor
 *                   settings in {@code did-service-defaults.yml}): the most instances that process its events at once
 * @param heartbeat  how often an instance says it is alive and gives up segments beyond its fair share
 *                   ({@link SegmentBalancer})
 * @param staleAfter how long an instance may stay silent before the others no longer count it (killed, hung)
 */
@Validated
@ConfigurationProperties("did.processors")
public record ProcessorSettings(@DefaultValue("4") @Min(1) int segments,
                                @DefaultValue("PT5S") @NotNull @DurationMin(millis = 100) Duration heartbeat,
                                @DefaultValue("PT30S") @NotNull @DurationMin(seconds = 1) Duration staleAfter) {
}
