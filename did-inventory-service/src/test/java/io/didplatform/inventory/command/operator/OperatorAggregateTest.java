package io.didplatform.inventory.command.operator;

import io.didplatform.contracts.inventory.OperatorCreated;
import io.didplatform.contracts.inventory.OperatorDeleted;
import io.didplatform.contracts.inventory.OperatorUpdated;
import io.didplatform.inventory.command.registry.InMemoryOperatorRegistry;
import io.didplatform.support.web.DomainException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperatorAggregateTest {
    private AggregateTestFixture<OperatorAggregate> fixture;
    private InMemoryOperatorRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OperatorAggregate.class);
        registry = new InMemoryOperatorRegistry();
        fixture.registerInjectableResource(registry);
    }

    @Test
    void createsAnOperator() {
        fixture.givenNoPriorActivity()
                .when(new CreateOperator("op-1", "Carrier A", "main provider"))
                .expectEvents(new OperatorCreated("op-1", "Carrier A", "main provider"));
    }

    @Test
    void refusesANameAnotherOperatorHasWhateverItsCase() {
        registry.with("op-2", "carrier a");
        fixture.givenNoPriorActivity()
                .when(new CreateOperator("op-1", "Carrier A", null))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("taken");
    }

    @Test
    void renamesAnOperator() {
        registry.with("op-1", "Carrier A");
        fixture.given(new OperatorCreated("op-1", "Carrier A", null))
                .when(new UpdateOperator("op-1", "Carrier B", "renamed"))
                .expectEvents(new OperatorUpdated("op-1", "Carrier B", "renamed"));
    }

    @Test
    void refusesRenamingToATakenName() {
        registry.with("op-1", "Carrier A").with("op-2", "Carrier B");
        fixture.given(new OperatorCreated("op-1", "Carrier A", null))
                .when(new UpdateOperator("op-1", "Carrier B", null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void changesOnlyTheNotesWithoutTouchingTheName() {
        registry.with("op-1", "Carrier A");
        fixture.given(new OperatorCreated("op-1", "Carrier A", null))
                .when(new UpdateOperator("op-1", "Carrier A", "new notes"))
                .expectEvents(new OperatorUpdated("op-1", "Carrier A", "new notes"));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(new OperatorCreated("op-1", "Carrier A", "n"))
                .when(new UpdateOperator("op-1", "Carrier A", "n"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deletesAnOperatorNoDidReferences() {
        registry.with("op-1", "Carrier A");
        fixture.given(new OperatorCreated("op-1", "Carrier A", null))
                .when(new DeleteOperator("op-1"))
                .expectEvents(new OperatorDeleted("op-1"))
                .expectMarkedDeleted();
    }

    @Test
    void refusesToDeleteAnOperatorADidReferences() {
        registry.with("op-1", "Carrier A").referenced("op-1");
        fixture.given(new OperatorCreated("op-1", "Carrier A", null))
                .when(new DeleteOperator("op-1"))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("in use");
    }

    @Test
    void aDeletedOperatorCannotBeUpdated() {
        fixture.given(new OperatorCreated("op-1", "Carrier A", null), new OperatorDeleted("op-1"))
                .when(new UpdateOperator("op-1", "Carrier B", null))
                .expectException(AggregateNotFoundException.class);
    }
}
