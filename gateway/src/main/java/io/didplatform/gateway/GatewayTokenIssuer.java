package io.didplatform.gateway;

import io.didplatform.security.Caller;
import io.didplatform.security.GatewayTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs the tokens that tell a service who is calling ({@link GatewayTokens}). A caller's token for a service is
 * signed once and reused until it is {@link #RENEW_BEFORE} from expiry, so a request costs a map lookup, not a
 * signature. Refuses to start without {@code did.security.gateway-token.secret}.
 */
@Component
class GatewayTokenIssuer {
    /** Left of a token's life when it is replaced: enough to reach the service and be checked there. */
    static final Duration RENEW_BEFORE = Duration.ofSeconds(20);
    /** Tokens kept at most; past it, those due for renewal go first, then all. */
    private static final int MAX_KEPT = 10_000;

    private record Key(Caller caller, String audience) {
    }

    private record Issued(String token, Instant renewAt) {
    }

    private final GatewayTokens tokens;
    private final Clock clock;
    private final Map<Key, Issued> issued = new ConcurrentHashMap<>();

    @Autowired
    GatewayTokenIssuer(@Value("${" + GatewayTokens.SECRET_PROPERTY + ":}") String secret) {
        this(new GatewayTokens(secret), Clock.systemUTC());
    }

    GatewayTokenIssuer(GatewayTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token stating {@code caller} to the service named {@code audience}. */
    String tokenFor(Caller caller, String audience) {
        Instant now = clock.instant();
        Key key = new Key(caller, audience);
        Issued current = issued.get(key);
        if (current != null && now.isBefore(current.renewAt())) {
            return current.token();
        }
        if (issued.size() >= MAX_KEPT) {
            issued.values().removeIf(token -> !now.isBefore(token.renewAt()));
            if (issued.size() >= MAX_KEPT) {
                issued.clear();
            }
        }
        Issued fresh = new Issued(tokens.sign(caller, audience, now), now.plus(GatewayTokens.LIFETIME).minus(RENEW_BEFORE));
        issued.put(key, fresh);
        return fresh.token();
    }
}
