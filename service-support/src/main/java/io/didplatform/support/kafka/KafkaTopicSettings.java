package io.didplatform.support.kafka;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The platform's topics and dead-letter topics, created at start-up ({@code did.kafka.*}).
 *
 * @param partitions        each topic's partitions: how many instances of a service can share its listening
 * @param replicationFactor each partition's copies on the brokers
 */
@Validated
@ConfigurationProperties("did.kafka")
public record KafkaTopicSettings(@DefaultValue("4") @Min(1) int partitions,
                                 @DefaultValue("1") @Min(1) short replicationFactor) {
}
