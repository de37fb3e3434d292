package io.didplatform.testing;

import io.didplatform.security.Caller;
import io.didplatform.security.GatewayTokens;

import java.time.Instant;
import java.util.Set;

/**
 * Tokens as the gateway signs them, for integration tests that call a service directly. The services under test
 * share {@link #SECRET} ({@link ServiceITBase} sets it).
 */
public final class TestGatewayTokens {
    public static final String SECRET = "the-integration-tests-gateway-token-secret";
    private static final GatewayTokens TOKENS = new GatewayTokens(SECRET);

    private TestGatewayTokens() {
    }

    /** A token for the service named {@code audience}, stating {@code user} with {@code roles}, valid from now. */
    public static String token(String audience, String user, String... roles) {
        return token(audience, new Caller(user, Set.of(roles)), Instant.now());
    }

    public static String token(String audience, Caller caller, Instant issuedAt) {
        return TOKENS.sign(caller, audience, issuedAt);
    }
}
