package io.didplatform.security;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
        return isSane(offered) ? offered : newId();
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: an id must be unique, not unguessable (a caller may
     * choose its own), and {@link UUID#randomUUID()} takes one {@code SecureRandom} lock for every thread, which the
     * gateway's event loops would queue on for every request.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    static boolean isSane(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_LENGTH
                && id.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
