package io.didplatform.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyAuthenticationTest {
    private static final String KEY = "q7Yx0c2V9Jm4dWbT1sPzLkE8rA6uN3hF5gQiOyXvCwM";
    private final ApiKeyAuthentication keys = new ApiKeyAuthentication(new ServiceAccounts(List.of(
            new ServiceAccounts.Account("switch-nyc", sha256(KEY).toUpperCase(), List.of("AUDITOR")))));

    @Test
    void takesTheKeyOfAServiceAccountAsThatAccountWithItsRoles() {
        Authentication caller = authenticate(KEY);

        assertThat(caller.getName()).isEqualTo("switch-nyc");
        assertThat(caller.isAuthenticated()).isTrue();
        assertThat(Callers.rolesOf(caller)).containsExactly("AUDITOR");
    }

    @Test
    void refusesAnyOtherKeyAndTheKeysHashItself() {
        assertThatThrownBy(() -> authenticate(KEY + "x")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> authenticate(sha256(KEY))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> authenticate("")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void refusesToStartWithAnAccountWithoutAHashedKeyOrAKnownRole() {
        assertThatThrownBy(() -> new ServiceAccounts.Account("switch", KEY, List.of("AUDITOR")))
                .hasMessageContaining("api-key-sha256");
        assertThatThrownBy(() -> new ServiceAccounts.Account("switch", sha256(KEY), List.of("ROOT")))
                .hasMessageContaining("roles");
        assertThatThrownBy(() -> new ServiceAccounts(List.of(
                new ServiceAccounts.Account("a", sha256(KEY), List.of("AUDITOR")),
                new ServiceAccounts.Account("b", sha256(KEY), List.of("ADMIN")))))
                .hasMessageContaining("shares its key");
    }

    private Authentication authenticate(String key) {
        return keys.authenticate(new PreAuthenticatedAuthenticationToken(ApiKeyAuthentication.HEADER, key)).block();
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
