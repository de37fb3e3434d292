package io.didplatform.gateway;

import io.didplatform.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Set;
import java.util.stream.Collectors;

/** The caller an authentication stands for: its name, and its roles without Spring's {@code ROLE_} prefix. */
final class Callers {
    private static final String ROLE_PREFIX = "ROLE_";

    private Callers() {
    }

    static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), rolesOf(authentication));
    }

    static Set<String> rolesOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
