package io.didplatform.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who may do what on the API (docs/api.md, "Roles"), the one table the gateway and every service check: ADMIN everything;
 * OPERATOR everything but deletes, undos of bulk jobs (which delete what a job created), audit exports, audit actions
 * and administration; AUDITOR reads only. The API's
 * description ({@value #API_DOCS}, the OpenAPI documents) is guarded like the API: every role may read it.
 * The gateway checks it before routing, and each service again on the token the gateway signed, so the two can
 * never disagree.
 */
public final class AccessRules {
    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";
    public static final String AUDITOR = "AUDITOR";
    /** Where springdoc serves the OpenAPI documents, in a service and in the gateway. */
    public static final String API_DOCS = "/v3/api-docs";

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

    /**
     * A path covers itself and everything below it ({@code /api/audit} covers {@code /api/audit/rebuild}); a segment
     * {@code *} stands for any one segment (a rule for the undo of any bulk job).
     */
    private record Rule(Methods methods, String path, Set<String> roles) {
        boolean covers(String method, String requestPath) {
            return methods.include(method) && under(requestPath);
        }

        private boolean under(String requestPath) {
            String[] segments = path.split("/");
            String[] requested = requestPath.split("/");
            if (requested.length < segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].equals("*") && !segments[i].equals(requested[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The first rule that covers a request decides. */
    private static final List<Rule> RULES = List.of(
            new Rule(Methods.READ, API_DOCS, Set.of(ADMIN, OPERATOR, AUDITOR)),
            new Rule(Methods.ANY, "/api/admin", Set.of(ADMIN)),
            new Rule(Methods.READ, "/api/audit/export", Set.of(ADMIN, AUDITOR)),
            new Rule(Methods.READ, "/api/audit/events/export", Set.of(ADMIN, AUDITOR)),
            new Rule(Methods.READ, "/api/audit/verify", Set.of(ADMIN, AUDITOR)),
            new Rule(Methods.ANY, "/api/audit/export", Set.of(ADMIN)),
            new Rule(Methods.ANY, "/api/audit/events/export", Set.of(ADMIN)),
            new Rule(Methods.DELETE, "/api", Set.of(ADMIN)),
            new Rule(Methods.WRITE, "/api/dids/jobs/*/undo", Set.of(ADMIN)),
            new Rule(Methods.READ, "/api", Set.of(ADMIN, OPERATOR, AUDITOR)),
            new Rule(Methods.WRITE, "/api/audit", Set.of(ADMIN)),
            new Rule(Methods.WRITE, "/api", Set.of(ADMIN, OPERATOR)));

    private AccessRules() {
    }

    /**
     * Whether a caller with {@code roles} may send {@code method} (upper case) to {@code path}, the request's path
     * as sent. The path is read as Spring matches it to a handler: each segment without its {@code ;parameters},
     * percent-decoded; so {@code /api/audit/%65xport;x=1} is the audit export. Nothing outside {@code /api} and the
     * API documents is allowed, nor a path that cannot be decoded.
     */
    public static boolean allows(Collection<String> roles, String method, String path) {
        String decoded;
        try {
            decoded = decoded(path);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return RULES.stream()
                .filter(rule -> rule.covers(method, decoded))
                .findFirst()
                .map(rule -> roles.stream().anyMatch(rule.roles()::contains))
                .orElse(false);
    }

    /**
     * Whether {@code path} (as sent) is under {@code /api} or is an API document ({@code /v3/api-docs},
     * {@code /v3/api-docs.yaml}, {@code /v3/api-docs/...}), read as {@link #allows} reads it. A path that cannot be
     * decoded counts as one, so that it is checked (and refused) rather than let through.
     */
    public static boolean isApi(String path) {
        try {
            String decoded = decoded(path);
            return decoded.equals("/api") || decoded.startsWith("/api/") || decoded.startsWith(API_DOCS);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static String decoded(String path) {
        StringBuilder decoded = new StringBuilder();
        for (String segment : path.split("/")) {
            int parameters = segment.indexOf(';');
            String value = parameters < 0 ? segment : segment.substring(0, parameters);
            if (!value.isEmpty()) {
                // a '+' in a path is a plus, not a space as in a form
                decoded.append('/').append(URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return decoded.toString();
    }
}
