package io.didplatform.gateway;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Who the caller is, for the admin UI: it checks the credentials at login and shows or hides actions by role.
 * Answered by the gateway itself; no service is involved.
 */
@RestController
class CurrentUserController {

    record CurrentUser(String name, List<String> roles) {
    }

    @GetMapping("/api/me")
    CurrentUser me(Authentication authentication) {
        return new CurrentUser(authentication.getName(), Callers.rolesOf(authentication).stream().sorted().toList());
    }
}
