package io.didplatform.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberedLoginsTest {
    private final AtomicInteger checks = new AtomicInteger();
    /** Stands in for the bcrypt check: admin/admin passes. */
    private final ReactiveAuthenticationManager bcrypt = attempt -> {
        checks.incrementAndGet();
        return "admin".equals(attempt.getName()) && "admin".equals(attempt.getCredentials())
                ? Mono.just(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")))
                : Mono.error(new BadCredentialsException("Invalid Credentials"));
    };
    private final GatewayTokenIssuerTest.MutableClock clock =
            new GatewayTokenIssuerTest.MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final RememberedLogins logins = new RememberedLogins(bcrypt, Duration.ofMinutes(5), clock);

    @Test
    void checksAPasswordOnceAndTakesItAgainUntilTheMemoryEnds() {
        assertThat(login("admin", "admin").getName()).isEqualTo("admin");
        clock.advance(Duration.ofMinutes(4));
        assertThat(login("admin", "admin").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(checks).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        login("admin", "admin");

        assertThat(checks).hasValue(2);
    }

    @Test
    void checksEveryFailedAttemptAndEveryOtherPassword() {
        login("admin", "admin");

        assertThatThrownBy(() -> login("admin", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("admin", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("adminad", "min")).isInstanceOf(BadCredentialsException.class);

        assertThat(checks).hasValue(4);
    }

    private Authentication login(String user, String password) {
        return logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password)).block();
    }
}
