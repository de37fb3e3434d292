package io.didplatform.gateway;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code X-Api-Key: <key>} authenticates a {@link ServiceAccounts service account}: the key's SHA-256 is looked up
 * among the configured ones. A password needs a slow hash (bcrypt) because people choose guessable ones; a key of
 * 32 random bytes cannot be guessed, so one SHA-256 (about a microsecond) is as safe, and a switch pays it on every
 * lookup instead of a cache. A wrong key is refused (401), never passed on as anonymous. The header never reaches a
 * service ({@link GatewayTokenFilter}).
 */
final class ApiKeyAuthentication implements ReactiveAuthenticationManager {
    static final String HEADER = "X-Api-Key";
    private static final MessageDigest SHA_256 = sha256Digest();

    /** The accounts by their key's SHA-256 (hex, lower case). */
    private final Map<String, Authentication> accounts;

    ApiKeyAuthentication(ServiceAccounts config) {
        this.accounts = config.serviceAccounts().stream().collect(Collectors.toUnmodifiableMap(
                ServiceAccounts.Account::apiKeySha256,
                account -> UsernamePasswordAuthenticationToken.authenticated(account.name(), null,
                        AuthorityUtils.createAuthorityList(account.roles().stream().map(role -> "ROLE_" + role)
                                .toArray(String[]::new)))));
    }

    /** The filter that takes {@value #HEADER} and answers a wrong key with {@code refused}. */
    AuthenticationWebFilter filter(ServerAuthenticationEntryPoint refused) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(this);
        filter.setServerAuthenticationConverter(exchange -> Mono.justOrEmpty(
                exchange.getRequest().getHeaders().getFirst(HEADER)).map(key -> new PreAuthenticatedAuthenticationToken(HEADER, key)));
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(refused));
        return filter;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        Authentication account = accounts.get(sha256(String.valueOf(attempt.getCredentials())));
        return account != null ? Mono.just(account) : Mono.error(new BadCredentialsException("Unknown API key"));
    }

    private static String sha256(String key) {
        return HexFormat.of().formatHex(newSha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** A copy of {@link #SHA_256}: cloning skips the provider lookup {@code getInstance} makes every time. */
    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
