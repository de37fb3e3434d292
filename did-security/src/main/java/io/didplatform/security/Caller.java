package io.didplatform.security;

import java.util.Set;

/** Who sent a request, as the gateway authenticated them: their name (the {@code actor} of what they cause) and roles. */
public record Caller(String name, Set<String> roles) {
    public Caller {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A caller has a name");
        }
        roles = Set.copyOf(roles);
    }
}
