package io.didplatform.gateway;

import io.didplatform.security.Caller;
import io.didplatform.security.GatewayTokens;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTokenIssuerTest {
    private static final GatewayTokens TOKENS = new GatewayTokens("a-secret-of-at-least-thirty-two-bytes!");
    private static final Caller ALICE = new Caller("alice", Set.of("OPERATOR"));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final GatewayTokenIssuer issuer = new GatewayTokenIssuer(TOKENS, clock);

    @Test
    void reusesACallersTokenForAServiceUntilItNearsExpiry() throws Exception {
        String first = issuer.tokenFor(ALICE, "audit-service");
        clock.advance(Duration.ofSeconds(39));
        assertThat(issuer.tokenFor(ALICE, "audit-service")).isSameAs(first);

        clock.advance(Duration.ofSeconds(1));
        String renewed = issuer.tokenFor(ALICE, "audit-service");

        assertThat(renewed).isNotEqualTo(first);
        // the renewed token outlives the request by most of its life
        assertThat(TOKENS.verify(renewed, "audit-service", clock.instant().plusSeconds(55)).name()).isEqualTo("alice");
    }

    @Test
    void signsOneTokenPerServiceAndPerRoles() throws Exception {
        String forAudit = issuer.tokenFor(ALICE, "audit-service");
        String forClients = issuer.tokenFor(ALICE, "client-service");
        String asAdmin = issuer.tokenFor(new Caller("alice", Set.of("ADMIN")), "audit-service");

        assertThat(Set.of(forAudit, forClients, asAdmin)).hasSize(3);
        assertThat(TOKENS.verify(forClients, "client-service", clock.instant()).roles()).containsExactly("OPERATOR");
        assertThat(TOKENS.verify(asAdmin, "audit-service", clock.instant()).roles()).containsExactly("ADMIN");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
