package io.didplatform.inventory.command.operator;

import io.didplatform.contracts.inventory.OperatorCreated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A DID provider. */
@Aggregate
public class OperatorAggregate {
    @AggregateIdentifier
    private String operatorId;

    protected OperatorAggregate() {
        // for Axon
    }

    @CommandHandler
    public OperatorAggregate(CreateOperator command) {
        apply(new OperatorCreated(command.operatorId(), command.name(), command.notes()));
    }

    @EventSourcingHandler
    void on(OperatorCreated event) {
        operatorId = event.operatorId();
    }
}
