package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidRestored;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.didplatform.contracts.inventory.DidStatus.ACTIVE;
import static io.didplatform.contracts.inventory.DidStatus.BLOCKED;
import static io.didplatform.contracts.inventory.HoldReason.PACKAGE_INACTIVE;
import static io.didplatform.contracts.inventory.HoldReason.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

class HoldTest {
    private static final String NUMBER = "15550000001";
    private static final Instant UNTIL = Instant.parse("2030-01-01T00:00:00.123456Z");

    @Test
    void aHoldEndsAsPreciselyAsPostgresqlKeepsIt() {
        DidHeld held = Hold.start(NUMBER, "cp-1", RELEASED, UNTIL.plusNanos(789), ACTIVE);
        assertThat(held).isEqualTo(new DidHeld(NUMBER, "cp-1", RELEASED, UNTIL, ACTIVE));
    }

    @Test
    void aHoldIsOverAtItsEndNotBefore() {
        Hold hold = new Hold(RELEASED, UNTIL, ACTIVE);
        assertThat(hold.endedBy(UNTIL)).isTrue();
        assertThat(hold.endedBy(UNTIL.minusNanos(1000))).isFalse();
    }

    @Test
    void onlyAHoldForAnInactivePackageIsRestoredAndToTheStatusBefore() {
        Hold inactive = new Hold(PACKAGE_INACTIVE, UNTIL, BLOCKED);
        assertThat(inactive.restorable()).isTrue();
        assertThat(inactive.restore(NUMBER, "cp-1")).isEqualTo(new DidRestored(NUMBER, "cp-1", BLOCKED));
        assertThat(new Hold(RELEASED, UNTIL, BLOCKED).restorable()).isFalse();
    }

    @Test
    void aReleaseKeepsTheHoldsEndAndStatusBefore() {
        assertThat(new Hold(PACKAGE_INACTIVE, UNTIL, BLOCKED).release(NUMBER, "cp-1"))
                .isEqualTo(new DidHeld(NUMBER, "cp-1", RELEASED, UNTIL, BLOCKED));
    }
}
