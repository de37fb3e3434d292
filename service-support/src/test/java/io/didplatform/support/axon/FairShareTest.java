package io.didplatform.support.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FairShareTest {
    @Test
    void eachInstanceTakesAtMostTheCeilingOfSegmentsOverInstances() {
        assertThat(FairShare.of(4, 1)).isEqualTo(4);
        assertThat(FairShare.of(4, 2)).isEqualTo(2);
        assertThat(FairShare.of(4, 3)).isEqualTo(2);
        assertThat(FairShare.of(4, 4)).isEqualTo(1);
        assertThat(FairShare.of(4, 6)).as("more instances than segments: one each, some idle").isEqualTo(1);
        assertThat(FairShare.of(1, 2)).isEqualTo(1);
    }

    @Test
    void noInstanceCountedStillLetsThisOneTakeEverything() {
        assertThat(FairShare.of(4, 0)).isEqualTo(4);
    }

    @Test
    void anInstanceReleasesOnlyWhatIsBeyondItsShare() {
        assertThat(FairShare.excess(4, 4, 2)).as("first of two, holding all").isEqualTo(2);
        assertThat(FairShare.excess(2, 4, 2)).isZero();
        assertThat(FairShare.excess(4, 4, 3)).isEqualTo(2);
        assertThat(FairShare.excess(1, 4, 3)).as("holding less than the share releases nothing").isZero();
        assertThat(FairShare.excess(4, 4, 1)).isZero();
    }
}
