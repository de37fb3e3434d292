package io.didplatform.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The HTTP Basic users of the {@code local} profile: {@code did.security.users[i].name|password|roles}.
 * Defaults: admin/admin (ADMIN), operator/operator (OPERATOR), auditor/auditor (AUDITOR).
 */
@ConfigurationProperties("did.security")
public record LocalUsers(List<User> users) {

    public record User(String name, String password, List<String> roles) {
        boolean hasDefaultPassword() {
            return name.equals(password);
        }
    }
}
