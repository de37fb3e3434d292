package io.didplatform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayTokensTest {
    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Caller ALICE = new Caller("alice", Set.of("OPERATOR", "AUDITOR"));
    private final GatewayTokens tokens = new GatewayTokens(SECRET);

    @Test
    void aServiceReadsBackTheCallerTheGatewaySigned() throws Exception {
        String token = tokens.sign(ALICE, "did-inventory-service", NOW);

        assertThat(tokens.verify(token, "did-inventory-service", NOW.plusSeconds(30))).isEqualTo(ALICE);
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaim("roles")).containsExactly("AUDITOR", "OPERATOR");
        assertThat(claims.getAudience()).containsExactly("did-inventory-service");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusesAnExpiredToken() {
        String token = tokens.sign(ALICE, "audit-service", NOW);

        assertThatThrownBy(() -> tokens.verify(token, "audit-service", NOW.plus(Duration.ofMinutes(2))))
                .isInstanceOf(InvalidGatewayToken.class).hasMessageContaining("expired");
    }

    @Test
    void refusesATokenForAnotherService() {
        String token = tokens.sign(ALICE, "audit-service", NOW);

        assertThatThrownBy(() -> tokens.verify(token, "client-service", NOW))
                .isInstanceOf(InvalidGatewayToken.class).hasMessageContaining("another service");
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String forged = new GatewayTokens("another-secret-of-thirty-two-bytes-or-more").sign(ALICE, "audit-service", NOW);

        assertThatThrownBy(() -> tokens.verify(forged, "audit-service", NOW))
                .isInstanceOf(InvalidGatewayToken.class).hasMessageContaining("signature");
    }

    @Test
    void refusesAnUnsignedTokenAndGarbage() {
        String unsigned = new PlainJWT(new PlainHeader(), claims("audit-service")).serialize();

        assertThatThrownBy(() -> tokens.verify(unsigned, "audit-service", NOW)).isInstanceOf(InvalidGatewayToken.class);
        assertThatThrownBy(() -> tokens.verify("not.a.token", "audit-service", NOW)).isInstanceOf(InvalidGatewayToken.class);
    }

    @Test
    void refusesATokenSomebodyElseIssuedWithTheSecret() throws Exception {
        SignedJWT other = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder(claims("audit-service"))
                .issuer("someone-else").build());
        other.sign(new MACSigner(SECRET.getBytes()));

        assertThatThrownBy(() -> tokens.verify(other.serialize(), "audit-service", NOW))
                .isInstanceOf(InvalidGatewayToken.class).hasMessageContaining("not issued by the gateway");
    }

    @Test
    void refusesToWorkWithoutASecretOrWithAShortOne() {
        assertThatThrownBy(() -> new GatewayTokens(null))
                .hasMessageContaining("did.security.gateway-token.secret")
                .hasMessageContaining("DID_SECURITY_GATEWAY_TOKEN_SECRET");
        assertThatThrownBy(() -> new GatewayTokens("short")).hasMessageContaining("too short");
    }

    private static JWTClaimsSet claims(String audience) {
        return new JWTClaimsSet.Builder().issuer("did-gateway").subject("mallory").audience(audience)
                .claim("roles", List.of("ADMIN")).issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(60))).build();
    }
}
