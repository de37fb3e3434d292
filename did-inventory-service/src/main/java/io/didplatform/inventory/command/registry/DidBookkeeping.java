package io.didplatform.inventory.command.registry;

import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.support.axon.AxonSupportConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the command side's registry and holdings in line with the DIDs' events. A subscribing processor runs it in
 * the transaction of the command that applied them, so the rows change with the events or not at all, and a
 * refusal here (an operator deleted meanwhile) refuses the command. A DID's creation is not followed here: its
 * number is claimed before the event ({@code command.did.DidLookupCommands}, {@code DidBatchCreator}).
 */
@Component
@ProcessingGroup(AxonSupportConfiguration.COMMAND_LOOKUPS)
class DidBookkeeping {

    private final DidRegistry registry;
    private final ClientPackageHoldings holdings;

    DidBookkeeping(DidRegistry registry, ClientPackageHoldings holdings) {
        this.registry = registry;
        this.holdings = holdings;
    }

    @EventHandler
    void on(DidUpdated event) {
        registry.changeOperator(event.number(), event.operatorId());
    }

    @EventHandler
    void on(DidDeleted event) {
        registry.release(event.number());
    }

    /** An undone creation frees the number; an undone deletion claims it again (refused if its operator is gone). */
    @EventHandler
    void on(DidChangeUndone event) {
        switch (event.undone()) {
            case CREATION -> registry.release(event.number());
            case EDIT -> registry.changeOperator(event.number(), event.operatorId());
            case DELETION -> registry.claim(event.number(), event.operatorId());
        }
    }

    @EventHandler
    void on(DidAssigned event) {
        holdings.hold(event.number(), event.clientPackageId());
    }

    @EventHandler
    void on(DidHeld event) {
        holdings.holdUntil(event.number(), event.holdUntil());
    }

    @EventHandler
    void on(DidRestored event) {
        holdings.holdUntil(event.number(), null);
    }

    @EventHandler
    void on(DidReleased event) {
        holdings.release(event.number());
    }
}
