package io.didplatform.gateway;

import io.didplatform.security.AccessRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Machines that call the API, switches above all: {@code did.security.service-accounts[i].name|api-key-sha256|roles}
 * (environment: {@code DID_SECURITY_SERVICEACCOUNTS_0_NAME}, {@code _APIKEYSHA256}, {@code _ROLES}). Only the SHA-256
 * of each key is configured, in hex; the key itself is a random secret of at least 32 bytes that only its machine
 * holds. None by default. Every profile takes them ({@link ApiKeyAuthentication}).
 */
@ConfigurationProperties("did.security")
public record ServiceAccounts(List<Account> serviceAccounts) {
    private static final Set<String> ROLES = Set.of(AccessRules.ADMIN, AccessRules.OPERATOR, AccessRules.AUDITOR);

    public ServiceAccounts {
        serviceAccounts = serviceAccounts == null ? List.of() : List.copyOf(serviceAccounts);
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Account account : serviceAccounts) {
            if (!names.add(account.name()) || !keys.add(account.apiKeySha256())) {
                throw new IllegalStateException("did.security.service-accounts: '" + account.name()
                        + "' is configured twice, or shares its key with another account.");
            }
        }
    }

    public record Account(String name, String apiKeySha256, List<String> roles) {
        public Account {
            if (name == null || name.isBlank()) {
                throw new IllegalStateException("did.security.service-accounts: an account has no name.");
            }
            if (apiKeySha256 == null || !apiKeySha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalStateException("did.security.service-accounts: '" + name + "' needs api-key-sha256, the"
                        + " SHA-256 of its key in hex (64 digits), e.g. printf %s \"$KEY\" | sha256sum.");
            }
            if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
                throw new IllegalStateException("did.security.service-accounts: '" + name + "' needs roles among "
                        + ROLES + ", has " + roles + ".");
            }
            apiKeySha256 = HexFormat.of().formatHex(HexFormat.of().parseHex(apiKeySha256));
            roles = List.copyOf(roles);
        }
    }
}
