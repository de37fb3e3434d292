package io.didplatform.inventory.command.registry;

import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.support.web.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.didplatform.contracts.inventory.DidStatus.ACTIVE;
import static io.didplatform.contracts.inventory.DidStatus.IN_STOCK;
import static io.didplatform.contracts.inventory.HoldReason.PACKAGE_INACTIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry and holdings follow a DID's events (applied in the command's transaction). */
class DidBookkeepingTest {
    private static final String NUMBER = "15550000001";
    private static final String PACKAGE = "cp-1";
    private static final Instant UNTIL = Instant.parse("2030-01-01T00:00:00Z");

    private final InMemoryDidRegistry registry = new InMemoryDidRegistry().withOperator("op-1").withOperator("op-2")
            .withDid(NUMBER, "op-1");
    private final InMemoryClientPackageHoldings holdings = new InMemoryClientPackageHoldings();
    private final DidBookkeeping bookkeeping = new DidBookkeeping(registry, holdings);

    @Test
    void anEditMovesTheDidToItsOperator() {
        bookkeeping.on(new DidUpdated(NUMBER, "op-2", IN_STOCK, IN_STOCK, null, null));
        assertThat(registry.operatorOf(NUMBER)).isEqualTo("op-2");
    }

    @Test
    void anEditToAnOperatorThatIsGoneIsRefused() {
        assertThatThrownBy(() -> bookkeeping.on(new DidUpdated(NUMBER, "nobody", IN_STOCK, IN_STOCK, null, null)))
                .isInstanceOf(DomainException.class).hasMessage("No operator nobody");
    }

    @Test
    void aDeletionFreesTheNumber() {
        bookkeeping.on(new DidDeleted(NUMBER));
        assertThat(registry.holds(NUMBER)).isFalse();
    }

    @Test
    void theClientPackageHoldsAnAssignedDidUntilItIsReleased() {
        bookkeeping.on(new DidAssigned(NUMBER, UUID.randomUUID(), "client-1", PACKAGE, "sip:a@pbx"));
        assertThat(holdings.holderOf(NUMBER)).isEqualTo(PACKAGE);

        bookkeeping.on(new DidHeld(NUMBER, PACKAGE, PACKAGE_INACTIVE, UNTIL, ACTIVE));
        assertThat(holdings.holdEndOf(NUMBER)).isEqualTo(UNTIL);

        bookkeeping.on(new DidRestored(NUMBER, PACKAGE, ACTIVE));
        assertThat(holdings.holdEndOf(NUMBER)).isNull();
        assertThat(holdings.holderOf(NUMBER)).isEqualTo(PACKAGE);

        bookkeeping.on(new DidReleased(NUMBER, IN_STOCK));
        assertThat(holdings.holderOf(NUMBER)).isNull();
    }
}
