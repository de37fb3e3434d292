package io.didplatform.inventory.config;

import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * Hands out a cached DID aggregate only while it is as new as the event store: another instance may have appended
 * to the DID since it was cached, and a command decided on the old state could refuse, or do nothing, where it
 * should not (an append would be caught by the store's sequence constraint; a refusal or a no-op would not). One
 * index-only lookup of the DID's last sequence number, in the command's transaction; a stale entry is dropped, and
 * the repository then reads the DID's events as it does for one never cached.
 */
final class StoredVersionCheck {
    private static final String LAST_SEQUENCE =
            "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?";
    /** Axon keeps the version it cached in a private field with no getter; this fails at start-up should it go. */
    private static final VarHandle CACHED_VERSION = cachedVersion();

    private final JdbcTemplate jdbc;

    StoredVersionCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the entry's aggregate has exactly the events the store holds for it. */
    boolean current(Object aggregateIdentifier, Object entry) {
        if (!(entry instanceof AggregateCacheEntry<?> cached)) {
            return false;
        }
        Long stored = jdbc.queryForObject(LAST_SEQUENCE, Long.class, aggregateIdentifier);
        return Objects.equals(CACHED_VERSION.get(cached), stored);
    }

    private static VarHandle cachedVersion() {
        try {
            return MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
