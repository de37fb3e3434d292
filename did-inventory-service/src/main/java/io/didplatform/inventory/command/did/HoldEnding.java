package io.didplatform.inventory.command.did;

import io.didplatform.inventory.command.registry.ClientPackageHoldings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Ends a DID's hold that is due ({@link EndHold}); the holdings follow the DID's release. A DID that is not on
 * hold at all has nothing to end: the hold end recorded for it, which asked for the command, is cleared so it is
 * not asked again.
 */
@Component
class HoldEnding {
    private final Repository<DidAggregate> dids;
    private final ClientPackageHoldings holdings;

    HoldEnding(Repository<DidAggregate> dids, ClientPackageHoldings holdings) {
        this.dids = dids;
        this.holdings = holdings;
    }

    @CommandHandler
    void handle(EndHold command) throws Exception {
        boolean onHold = dids.loadOrCreate(command.number(), DidAggregate::new)
                .invoke(did -> did.endHold(command.dueBy()));
        if (!onHold) {
            holdings.holdUntil(command.number(), null);
        }
    }
}
