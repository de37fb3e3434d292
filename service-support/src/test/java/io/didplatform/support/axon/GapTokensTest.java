package io.didplatform.support.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class GapTokensTest {
    private static final GapAwareTrackingToken AFTER_A_ROLLED_BACK_BATCH = GapAwareTrackingToken.newInstance(5_000,
            LongStream.range(1_000, 3_000).boxed().toList());

    @Test
    void eachNextEventsTokenIsAxonsOwnAndKeepsTheSameGapsWithoutACopy() {
        GapAwareTrackingToken token = AFTER_A_ROLLED_BACK_BATCH;
        GapAwareTrackingToken axons = AFTER_A_ROLLED_BACK_BATCH;
        for (long index = 5_001; index <= 6_000; index++) {
            GapAwareTrackingToken next = GapTokens.advance(token, index, 10_000);
            axons = axons.advanceTo(index, 10_000);
            assertThat(next).isEqualTo(axons);
            token = next;
        }
        assertThat(GapTokens.sharing()).isTrue();
        assertThat(token.getGaps()).hasSize(2_000);
    }

    @Test
    void anEventFillingAGapOrLeavingNewOnesOrOlderThanTheGapTimeoutIsAdvancedAsAxonDoes() {
        for (List<Long> indexes : List.of(List.of(1_500L, 5_001L), List.of(5_010L, 5_011L), List.of(5_001L, 5_002L))) {
            GapAwareTrackingToken token = AFTER_A_ROLLED_BACK_BATCH;
            GapAwareTrackingToken axons = AFTER_A_ROLLED_BACK_BATCH;
            for (long index : indexes) {
                token = GapTokens.advance(token, index, 10_000);
                axons = axons.advanceTo(index, 10_000);
            }
            assertThat(token).isEqualTo(axons);
        }
        // an event older than the gap timeout is read with no gap offset: every gap below it is given up
        assertThat(GapTokens.advance(AFTER_A_ROLLED_BACK_BATCH, 5_001, 0))
                .isEqualTo(AFTER_A_ROLLED_BACK_BATCH.advanceTo(5_001, 0))
                .satisfies(token -> assertThat(token.getGaps()).isEmpty());
        // gaps further than the offset behind are given up too
        assertThat(GapTokens.advance(AFTER_A_ROLLED_BACK_BATCH, 5_001, 3_000))
                .isEqualTo(AFTER_A_ROLLED_BACK_BATCH.advanceTo(5_001, 3_000));
    }
}
