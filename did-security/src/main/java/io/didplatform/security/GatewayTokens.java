package io.didplatform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The gateway's signed statement of who is calling, which a service trusts instead of anything the request
 * says: a JWT signed with HS256 and a secret the gateway and the services share, stating {@code sub} (the
 * caller's name), {@code roles}, {@code aud} (the {@code spring.application.name} of the one service it is for),
 * {@code iss}, {@code iat} and {@code exp} ({@link #LIFETIME} after {@code iat}). It travels as
 * {@code Authorization: Bearer <token>}.
 */
public final class GatewayTokens {
    /** The shared secret's Spring property; its environment variable is {@code DID_SECURITY_GATEWAY_TOKEN_SECRET}. */
    public static final String SECRET_PROPERTY = "did.security.gateway-token.secret";
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    static final String ISSUER = "did-gateway";
    static final String ROLES_CLAIM = "roles";
    /** HS256 wants a key at least as long as its hash. */
    private static final int MIN_SECRET_BYTES = 32;
    /** The gateway's and a service's clocks may differ a little. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final MACSigner signer;
    private final MACVerifier verifier;

    /** Refuses a missing or short secret with a message that says what to set. */
    public GatewayTokens(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(SECRET_PROPERTY + " (environment DID_SECURITY_GATEWAY_TOKEN_SECRET) is not"
                    + " set. The gateway and every service need the same secret, at least " + MIN_SECRET_BYTES
                    + " bytes, e.g. from 'head -c 32 /dev/urandom | base64'; bin/run makes one for what it starts.");
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(SECRET_PROPERTY + " is too short: " + key.length + " bytes, at least "
                    + MIN_SECRET_BYTES + " are needed.");
        }
        try {
            signer = new MACSigner(key);
            verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot use " + SECRET_PROPERTY + ": " + e.getMessage(), e);
        }
    }

    /** A token for {@code audience} stating {@code caller}, valid from {@code issuedAt} for {@link #LIFETIME}. */
    public String sign(Caller caller, String audience, Instant issuedAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(caller.name())
                .audience(audience)
                .claim(ROLES_CLAIM, caller.roles().stream().sorted().toList())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(LIFETIME)))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a gateway token", e);
        }
        return token.serialize();
    }

    /** The caller a token states, if the gateway signed it for {@code audience} and it is valid at {@code now}. */
    public Caller verify(String token, String audience, Instant now) throws InvalidGatewayToken {
        SignedJWT jwt = parse(token);
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !signedByTheGateway(jwt)) {
            throw new InvalidGatewayToken("The gateway token's signature is not valid.");
        }
        JWTClaimsSet claims = claims(jwt);
        if (!ISSUER.equals(claims.getIssuer())) {
            throw new InvalidGatewayToken("The token was not issued by the gateway.");
        }
        if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant().plus(CLOCK_SKEW))) {
            throw new InvalidGatewayToken("The gateway token has expired.");
        }
        if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidGatewayToken("The gateway token is not valid yet.");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new InvalidGatewayToken("The gateway token is for another service.");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new InvalidGatewayToken("The gateway token names no caller.");
        }
        return new Caller(claims.getSubject(), Set.copyOf(roles(claims)));
    }

    private static SignedJWT parse(String token) throws InvalidGatewayToken {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidGatewayToken("The gateway token is not a signed JWT.");
        }
    }

    private boolean signedByTheGateway(SignedJWT jwt) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws InvalidGatewayToken {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidGatewayToken("The gateway token's claims are not readable.");
        }
    }

    private static List<String> roles(JWTClaimsSet claims) throws InvalidGatewayToken {
        try {
            List<String> roles = claims.getStringListClaim(ROLES_CLAIM);
            return roles == null ? List.of() : roles;
        } catch (ParseException e) {
            throw new InvalidGatewayToken("The gateway token's roles are not a list of names.");
        }
    }
}
