package io.didplatform.gateway;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Who the caller is, for the admin UI: it checks the credentials at login and shows or hides actions by role.
 * Answered by the gateway itself; no service is involved.
 */
@RestController
class CurrentUserController {
    private static final String ROLE_PREFIX = "ROLE_";

    record CurrentUser(String name, List<String> roles) {
    }

    @GetMapping("/api/me")
    CurrentUser me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted()
                .toList();
        return new CurrentUser(authentication.getName(), roles);
    }
}
