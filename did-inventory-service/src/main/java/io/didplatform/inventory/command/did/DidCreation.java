package io.didplatform.inventory.command.did;

import io.didplatform.inventory.command.registry.DidRegistry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates one DID (a new number, or one deleted before). The number is claimed in the registry before the DID
 * records its creation, in the command's transaction: of two racing creates of a number, or a create racing a bulk
 * creation, the second waits for the first and is refused with {@code DID_EXISTS}, not by the event store.
 */
@Component
class DidCreation {
    private final Repository<DidAggregate> dids;
    private final DidRegistry registry;

    DidCreation(Repository<DidAggregate> dids, DidRegistry registry) {
        this.dids = dids;
        this.registry = registry;
    }

    @CommandHandler
    void handle(CreateDid command) throws Exception {
        DidFields.requireNumber(command.number());
        Aggregate<DidAggregate> did = dids.loadOrCreate(command.number(), DidAggregate::new);
        NewDid creation = did.invoke(aggregate -> aggregate.creation(command));
        registry.claim(creation.number(), creation.operatorId());
        did.execute(aggregate -> aggregate.create(creation));
    }
}
