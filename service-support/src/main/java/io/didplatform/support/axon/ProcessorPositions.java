package io.didplatform.support.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;

/**
 * How far a tracking processor has come, read from the token store rather than from this instance's processors:
 * any instance may own the segments, and every instance must be able to tell whether a read model shows an event.
 */
public class ProcessorPositions {
    private final Serializer serializer;

    public ProcessorPositions(Serializer serializer) {
        this.serializer = serializer;
    }

    /**
     * The lowest position the processor's segments have reached, read with {@code jdbc} (so inside whatever
     * transaction it runs in); null when the processor has no segment yet or any segment has not started.
     */
    public TrackingToken lowest(JdbcTemplate jdbc, String processorName) {
        List<TrackingToken> tokens = jdbc.query("select token, token_type from token_entry where processor_name = ?",
                (row, index) -> row.getBytes(1) == null ? null : WrappedToken.unwrapLowerBound(serializer.deserialize(
                        new SimpleSerializedObject<>(row.getBytes(1), byte[].class,
                                new SimpleSerializedType(row.getString(2), null)))),
                processorName);
        if (tokens.isEmpty() || tokens.contains(null)) {
            return null;
        }
        return tokens.stream().reduce(TrackingToken::lowerBound).orElseThrow();
    }

    /** Whether the processor has handled every stored event up to and including {@code globalIndex}. */
    public boolean hasReached(JdbcTemplate jdbc, String processorName, long globalIndex) {
        TrackingToken lowest = lowest(jdbc, processorName);
        if (lowest == null) {
            return false;
        }
        if (lowest.covers(GapAwareTrackingToken.newInstance(globalIndex, Collections.emptySortedSet()))) {
            return true;
        }
        // a gap no event will ever fill (its transaction rolled back, or its process was killed) stays in the token
        // while no newer event comes: only a gap where an event is stored now is one still to handle
        if (!(lowest instanceof GapAwareTrackingToken token) || token.getIndex() < globalIndex) {
            return false;
        }
        SortedSet<Long> gaps = token.getGaps().headSet(globalIndex + 1);
        return gaps.isEmpty() || jdbc.queryForList("select global_index from domain_event_entry"
                + " where global_index between ? and ?", Long.class, gaps.first(), gaps.last())
                .stream().noneMatch(gaps::contains);
    }

    /**
     * Whether a processor at {@code token} has handled the event stored at {@code globalIndex}: it has passed that
     * position and does not keep it as a gap. Not {@code token.covers(...)}: that also asks that every gap below
     * the position be filled, and gaps no event will fill (a rolled-back transaction; up to 32 sequence numbers
     * PostgreSQL skips when it restarts after a crash) stay in a token until Axon cleans them, which a quiet
     * processor may not do for long.
     */
    public static boolean hasHandled(TrackingToken token, long globalIndex) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return globalIndex <= gapAware.getIndex() && !gapAware.getGaps().contains(globalIndex);
        }
        return token != null && token.covers(GapAwareTrackingToken.newInstance(globalIndex, Collections.emptySortedSet()));
    }

    /** The position of the newest stored event, -1 when there is none. */
    public static long newestEvent(JdbcTemplate jdbc) {
        Long newest = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return newest == null ? -1 : newest;
    }
}
