package io.didplatform.inventory.config;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Single DIDs ({@code did.dids.*}).
 *
 * @param readWait how long a single DID write waits for the read model and the routing table to show it, so a
 *                 GET or a lookup right after agrees with the answer
 */
@Validated
@ConfigurationProperties("did.dids")
public record DidSettings(@DefaultValue("PT2S") @NotNull @DurationMin(seconds = 0) Duration readWait) {
}
