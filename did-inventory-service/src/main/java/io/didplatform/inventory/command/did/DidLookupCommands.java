package io.didplatform.inventory.command.did;

import io.didplatform.inventory.command.registry.ClientPackageHoldings;
import io.didplatform.inventory.command.registry.DidRegistry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The two DID commands whose command-side rows cannot simply follow an event (as {@code DidBookkeeping} has the
 * others follow): they load the {@link DidAggregate} themselves and write those rows in the command's transaction.
 */
@Component
class DidLookupCommands {
    private final Repository<DidAggregate> dids;
    private final DidRegistry registry;
    private final ClientPackageHoldings holdings;

    DidLookupCommands(Repository<DidAggregate> dids, DidRegistry registry, ClientPackageHoldings holdings) {
        this.dids = dids;
        this.registry = registry;
        this.holdings = holdings;
    }

    /**
     * Creates one DID (a new number, or one deleted before). The number is claimed in the registry before the DID
     * records its creation: of two racing creates of a number, or a create racing a bulk creation, the second
     * waits for the first and is refused with {@code DID_EXISTS}, not by the event store.
     */
    @CommandHandler
    void handle(CreateDid command) throws Exception {
        DidFields.requireNumber(command.number());
        Aggregate<DidAggregate> did = dids.loadOrCreate(command.number(), DidAggregate::new);
        NewDid creation = did.invoke(aggregate -> aggregate.creation(command));
        registry.claim(creation.number(), creation.operatorId());
        did.execute(aggregate -> aggregate.create(creation));
    }

    /**
     * Ends a DID's hold that is due (the holdings follow its release). A DID not on hold at all has nothing to end:
     * the hold end recorded for it, which asked for the command, is cleared so that it is not asked again.
     */
    @CommandHandler
    void handle(EndHold command) throws Exception {
        boolean onHold = dids.loadOrCreate(command.number(), DidAggregate::new)
                .invoke(did -> did.endHold(command.dueBy()));
        if (!onHold) {
            holdings.holdUntil(command.number(), null);
        }
    }
}
