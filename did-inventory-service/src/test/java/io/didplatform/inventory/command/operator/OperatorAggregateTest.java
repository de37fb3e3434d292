package io.didplatform.inventory.command.operator;

import io.didplatform.contracts.inventory.OperatorCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperatorAggregateTest {
    private AggregateTestFixture<OperatorAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OperatorAggregate.class);
    }

    @Test
    void createsAnOperator() {
        fixture.givenNoPriorActivity()
                .when(new CreateOperator("op-1", "Carrier A", "main provider"))
                .expectEvents(new OperatorCreated("op-1", "Carrier A", "main provider"));
    }
}
