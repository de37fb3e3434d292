package io.didplatform.support.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorPositionsTest {
    /** Gaps 8 to 10: numbers a PostgreSQL crash skipped (no event will fill them) or a transaction still open. */
    private final GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(20, List.of(8L, 9L, 10L));

    @Test
    void anEventAboveGapsTheTokenStillKeepsHasBeenHandled() {
        assertThat(ProcessorPositions.hasHandled(token, 11)).isTrue();
        assertThat(ProcessorPositions.hasHandled(token, 20)).isTrue();
        assertThat(ProcessorPositions.hasHandled(token, 7)).isTrue();
    }

    @Test
    void anEventInAGapOrBeyondTheTokenHasNot() {
        assertThat(ProcessorPositions.hasHandled(token, 9)).isFalse();
        assertThat(ProcessorPositions.hasHandled(token, 21)).isFalse();
        assertThat(ProcessorPositions.hasHandled(null, 1)).isFalse();
    }
}
