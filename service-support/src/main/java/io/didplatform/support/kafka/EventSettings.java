package io.didplatform.support.kafka;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What a service publishes ({@code did.events.*}).
 *
 * @param topic    the topic its events go to; unset in a service that publishes none
 * @param source   the CloudEvent {@code source}: {@code /<spring.application.name>} unless set (in the YAML, as it is
 *                 made of another property)
 * @param bulkLane whether the events bulk jobs append are published by an outbox lane of their own ({@link BulkLane})
 */
@Validated
@ConfigurationProperties("did.events")
public record EventSettings(String topic, @NotBlank String source, boolean bulkLane) {
}
