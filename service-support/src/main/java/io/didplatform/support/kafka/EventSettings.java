package io.didplatform.support.kafka;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What a service publishes ({@code did.events.*}).
 *
 * {@code did.events.bulk-lane: true} gives the events bulk jobs append an outbox lane of their own ({@link BulkLane});
 * it switches beans on and off, so {@link KafkaSupportConfiguration}'s conditions read it, not this record.
 *
 * @param topic  the topic its events go to; unset in a service that publishes none
 * @param source the CloudEvent {@code source}: {@code /<spring.application.name>} unless set (in the YAML, as it is
 *               made of another property)
 */
@Validated
@ConfigurationProperties("did.events")
public record EventSettings(String topic, @NotBlank String source) {
}
