package io.didplatform.support.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.SortedSet;

/**
 * Advances Axon's {@link GapAwareTrackingToken} exactly as its {@code advanceTo} does, but gives the next token the
 * same gap set when the event is the one right after the position and no gap is given up, which is nearly every
 * event. {@code advanceTo} copies the set for every event read, and every event in memory (a read batch, the work
 * packages' buffers, the event store's cache) keeps its own copy: a PostgreSQL crash during a bulk import leaves a gap
 * for every index its open transactions had taken (a batch of 2,000 DIDs, each), and inventory's 512 MB heap filled
 * with ten million set entries. A token never changes its set once made, so sharing it is safe.
 * <p>
 * Needs the token's private constructor and fields; should a later Axon not have them, every token is advanced by
 * {@code advanceTo}, as before.
 */
final class GapTokens {
    private static final MethodHandle CREATE;
    private static final MethodHandle GAPS;
    private static final MethodHandle TRUNCATION;

    static {
        MethodHandle create = null;
        MethodHandle gaps = null;
        MethodHandle truncation = null;
        try {
            MethodHandles.Lookup token = MethodHandles.privateLookupIn(GapAwareTrackingToken.class, MethodHandles.lookup());
            create = token.findConstructor(GapAwareTrackingToken.class,
                    MethodType.methodType(void.class, long.class, SortedSet.class, long.class));
            gaps = token.findGetter(GapAwareTrackingToken.class, "gaps", SortedSet.class);
            truncation = token.findGetter(GapAwareTrackingToken.class, "gapTruncationIndex", long.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            create = null;
        }
        CREATE = create;
        GAPS = gaps;
        TRUNCATION = truncation;
    }

    private GapTokens() {
    }

    /** {@code token.advanceTo(index, maxGapOffset)}, sharing the gap set where nothing in it changes. */
    @SuppressWarnings("unchecked")
    static GapAwareTrackingToken advance(GapAwareTrackingToken token, long index, int maxGapOffset) {
        if (CREATE != null && index == token.getIndex() + 1) {
            try {
                long smallestAllowedGap = Math.min(index,
                        Math.max((long) TRUNCATION.invokeExact(token), index - maxGapOffset));
                SortedSet<Long> gaps = (SortedSet<Long>) GAPS.invokeExact(token);
                if (gaps.isEmpty() || gaps.first() >= smallestAllowedGap) {
                    return (GapAwareTrackingToken) CREATE.invokeExact(index, gaps, smallestAllowedGap);
                }
            } catch (Throwable e) {
                throw new IllegalStateException("Could not advance " + token, e);
            }
        }
        return token.advanceTo(index, maxGapOffset);
    }

    static boolean sharing() {
        return CREATE != null;
    }
}
