package io.didplatform.packages.config;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Package-service settings ({@code did.packages.*}). The default is in application.yml, next to the environment
 * variable that sets it ({@code DID_CLIENT_WAIT}).
 *
 * @param clientWait how long giving a package waits for a client this service has not heard of yet (created a
 *                   moment ago)
 */
@Validated
@ConfigurationProperties("did.packages")
public record PackageSettings(@NotNull @DurationMin(seconds = 0) Duration clientWait) {
}
