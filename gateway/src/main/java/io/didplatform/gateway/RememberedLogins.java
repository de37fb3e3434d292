package io.didplatform.gateway;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request, and checking it against its bcrypt hash takes tens of
 * milliseconds by design. A user and password that passed the check are remembered for {@code rememberFor}, so
 * only a caller's first request pays for it. What is kept is a SHA-256 of the credentials, never the password;
 * failed attempts are not kept, so each one still pays the full check.
 */
final class RememberedLogins implements ReactiveAuthenticationManager {
    /** Logins kept at most; past it, the expired go first, then all. */
    private static final int MAX_KEPT = 10_000;

    private record Login(Authentication authentication, Instant until) {
    }

    private final ReactiveAuthenticationManager checker;
    private final Duration rememberFor;
    private final Clock clock;
    private final Map<String, Login> logins = new ConcurrentHashMap<>();

    RememberedLogins(ReactiveAuthenticationManager checker, Duration rememberFor, Clock clock) {
        this.checker = checker;
        this.rememberFor = rememberFor;
        this.clock = clock;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        if (!(attempt instanceof UsernamePasswordAuthenticationToken) || attempt.getCredentials() == null) {
            return checker.authenticate(attempt);
        }
        String key = fingerprint(attempt.getName(), attempt.getCredentials().toString());
        Instant now = clock.instant();
        Login login = logins.get(key);
        if (login != null && now.isBefore(login.until())) {
            return Mono.just(login.authentication());
        }
        return checker.authenticate(attempt).doOnNext(authenticated -> remember(key, authenticated, now));
    }

    private void remember(String key, Authentication authenticated, Instant now) {
        if (logins.size() >= MAX_KEPT) {
            logins.values().removeIf(login -> !now.isBefore(login.until()));
            if (logins.size() >= MAX_KEPT) {
                logins.clear();
            }
        }
        logins.put(key, new Login(authenticated, now.plus(rememberFor)));
    }

    private static String fingerprint(String user, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] name = user.getBytes(StandardCharsets.UTF_8);
            // the name's length first, so ("ab", "c") and ("a", "bc") differ
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
            sha256.update(name);
            return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
