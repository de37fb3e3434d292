package io.didplatform.inventory.command.operator;

import io.didplatform.contracts.inventory.OperatorCreated;
import io.didplatform.contracts.inventory.OperatorDeleted;
import io.didplatform.contracts.inventory.OperatorUpdated;
import io.didplatform.inventory.command.registry.OperatorRegistry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** A DID provider. Its name is unique (the registry says so in the same transaction). */
@Aggregate
public class OperatorAggregate {
    @AggregateIdentifier
    private String operatorId;
    private String name;
    private String notes;

    protected OperatorAggregate() {
        // for Axon
    }

    @CommandHandler
    public OperatorAggregate(CreateOperator command, OperatorRegistry registry) {
        registry.register(command.operatorId(), command.name());
        apply(new OperatorCreated(command.operatorId(), command.name(), command.notes()));
    }

    @CommandHandler
    void handle(UpdateOperator command, OperatorRegistry registry) {
        if (Objects.equals(name, command.name()) && Objects.equals(notes, command.notes())) {
            return;
        }
        if (!name.equals(command.name())) {
            registry.rename(operatorId, command.name());
        }
        apply(new OperatorUpdated(operatorId, command.name(), command.notes()));
    }

    @CommandHandler
    void handle(DeleteOperator command, OperatorRegistry registry) {
        registry.remove(operatorId);
        apply(new OperatorDeleted(operatorId));
    }

    @EventSourcingHandler
    void on(OperatorCreated event) {
        operatorId = event.operatorId();
        name = event.name();
        notes = event.notes();
    }

    @EventSourcingHandler
    void on(OperatorUpdated event) {
        name = event.name();
        notes = event.notes();
    }

    @EventSourcingHandler
    void on(OperatorDeleted event) {
        markDeleted();
    }
}
