package io.didplatform.security;

import java.util.UUID;

/**
 * The id of one request ({@value #HEADER}), shared by the gateway and the services: the gateway keeps a caller's id
 * when it is sane, makes one otherwise, answers it on every response and passes it on; a service logs it with every
 * line and, unless the caller set {@code X-Correlation-Id}, correlates the events the request causes by it.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /** {@code offered} when it is 1 to {@value #MAX_LENGTH} visible ASCII characters (no spaces), else a new UUID. */
    public static String keepOrCreate(String offered) {
        return isSane(offered) ? offered : UUID.randomUUID().toString();
    }

    static boolean isSane(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_LENGTH
                && id.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
