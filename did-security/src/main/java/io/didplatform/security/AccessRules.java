package io.didplatform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may do what on the API (DESIGN §5), the one table the gateway and every service check: ADMIN everything;
 * OPERATOR everything but deletes, audit exports, audit actions and administration; AUDITOR reads only.
 * The gateway checks it before routing, and each service again on the token the gateway signed, so the two can
 * never disagree.
 */
public final class AccessRules {
    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";
    public static final String AUDITOR = "AUDITOR";

    private enum Methods {
        ANY, READ, DELETE, WRITE;

        boolean include(String method) {
            boolean read = method.equals("GET") || method.equals("HEAD");
            return switch (this) {
                case ANY -> true;
                case READ -> read;
                case DELETE -> method.equals("DELETE");
                case WRITE -> !read;
            };
        }
    }

    /** A path covers itself and everything below it ({@code /api/audit} covers {@code /api/audit/rebuild}). */
    private record Rule(Methods methods, String path, Set<String> roles) {
        boolean covers(String method, String requestPath) {
            return methods.include(method) && (requestPath.equals(path) || requestPath.startsWith(path + "/"));
        }
    }

    /** The first rule that covers a request decides. */
    private static final List<Rule> RULES = List.of(
            new Rule(Methods.ANY, "/api/admin", Set.of(ADMIN)),
            new Rule(Methods.READ, "/api/audit/export", Set.of(ADMIN, AUDITOR)),
            new Rule(Methods.READ, "/api/audit/events/export", Set.of(ADMIN, AUDITOR)),
            new Rule(Methods.ANY, "/api/audit/export", Set.of(ADMIN)),
            new Rule(Methods.ANY, "/api/audit/events/export", Set.of(ADMIN)),
            new Rule(Methods.DELETE, "/api", Set.of(ADMIN)),
            new Rule(Methods.READ, "/api", Set.of(ADMIN, OPERATOR, AUDITOR)),
            new Rule(Methods.WRITE, "/api/audit", Set.of(ADMIN)),
            new Rule(Methods.WRITE, "/api", Set.of(ADMIN, OPERATOR)));

    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private AccessRules() {
    }

    /**
     * Whether a caller with {@code roles} may send {@code method} (upper case) to {@code path}, the request's
     * decoded path without parameters (as the web framework matches it). Nothing outside {@code /api} is allowed.
     */
    public static boolean allows(Collection<String> roles, String method, String path) {
        String normalised = REPEATED_SLASHES.matcher(path).replaceAll("/");
        return RULES.stream()
                .filter(rule -> rule.covers(method, normalised))
                .findFirst()
                .map(rule -> roles.stream().anyMatch(rule.roles()::contains))
                .orElse(false);
    }
}
