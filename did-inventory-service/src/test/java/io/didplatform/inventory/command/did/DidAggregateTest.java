package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.inventory.command.registry.InMemoryClientPackageHoldings;
import io.didplatform.inventory.command.registry.InMemoryDidRegistry;
import io.didplatform.support.web.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.didplatform.contracts.inventory.DidStatus.ACTIVE;
import static io.didplatform.contracts.inventory.DidStatus.ARCHIVE;
import static io.didplatform.contracts.inventory.DidStatus.HOLD;
import static io.didplatform.contracts.inventory.DidStatus.IN_STOCK;
import static io.didplatform.contracts.inventory.DidStatus.RESERVED;
import static org.assertj.core.api.Assertions.assertThat;

class DidAggregateTest {
    private static final String NUMBER = "15550000001";
    private static final String OPERATOR = "op-1";
    private static final String OTHER_OPERATOR = "op-2";

    private AggregateTestFixture<DidAggregate> fixture;
    private InMemoryDidRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DidAggregate.class);
        registry = new InMemoryDidRegistry().withOperator(OPERATOR).withOperator(OTHER_OPERATOR);
        fixture.registerAnnotatedCommandHandler(new DidLookupCommands(fixture.getRepository(), registry,
                new InMemoryClientPackageHoldings()));
    }

    private static DidCreated created(String tag) {
        return new DidCreated(NUMBER, OPERATOR, IN_STOCK, IN_STOCK, tag, null);
    }

    @Test
    void createsAnInStockDidByDefault() {
        fixture.givenNoPriorActivity()
                .when(new CreateDid(NUMBER, OPERATOR, null, null, " nyc ", ""))
                .expectEvents(new DidCreated(NUMBER, OPERATOR, IN_STOCK, IN_STOCK, "nyc", null));
        assertThat(registry.holds(NUMBER)).isTrue();
    }

    @Test
    void createsAReservedDidThatGoesToArchiveAfterHold() {
        fixture.givenNoPriorActivity()
                .when(new CreateDid(NUMBER, OPERATOR, RESERVED, ARCHIVE, null, "kept back"))
                .expectEvents(new DidCreated(NUMBER, OPERATOR, RESERVED, ARCHIVE, null, "kept back"));
    }

    @Test
    void refusesStatusesStaffCannotSet() {
        fixture.givenNoPriorActivity()
                .when(new CreateDid(NUMBER, OPERATOR, ACTIVE, null, null, null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void refusesAnAfterHoldStatusOtherThanTheStaffOnes() {
        fixture.givenNoPriorActivity()
                .when(new CreateDid(NUMBER, OPERATOR, IN_STOCK, HOLD, null, null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void refusesAnInvalidNumber() {
        fixture.givenNoPriorActivity()
                .when(new CreateDid("12ab", OPERATOR, null, null, null, null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void refusesAnUnknownOperator() {
        fixture.givenNoPriorActivity()
                .when(new CreateDid(NUMBER, "nobody", null, null, null, null))
                .expectNoEvents()
                .expectExceptionMessage("No operator nobody");
    }

    @Test
    void refusesAnExistingNumber() {
        fixture.given(created(null))
                .when(new CreateDid(NUMBER, OPERATOR, null, null, null, null))
                .expectNoEvents()
                .expectExceptionMessage("DID " + NUMBER + " already exists");
    }

    @Test
    void refusesANumberTheRegistryHoldsEvenWithoutLocalHistory() {
        registry.withDid(NUMBER, OPERATOR);
        fixture.givenNoPriorActivity()
                .when(new CreateDid(NUMBER, OPERATOR, null, null, null, null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void createsADeletedNumberAgain() {
        fixture.given(created("old"), new DidDeleted(NUMBER))
                .when(new CreateDid(NUMBER, OTHER_OPERATOR, null, null, null, null))
                .expectEvents(new DidCreated(NUMBER, OTHER_OPERATOR, IN_STOCK, IN_STOCK, null, null));
    }

    @Test
    void updatesAttributesKeepingWhatIsNotGiven() {
        fixture.given(created("nyc"))
                .when(new UpdateDid(NUMBER, OTHER_OPERATOR, RESERVED, null, null, "note"))
                .expectEvents(new DidUpdated(NUMBER, OTHER_OPERATOR, RESERVED, IN_STOCK, "nyc", "note"));
    }

    @Test
    void anEmptyTagClearsIt() {
        fixture.given(created("nyc"))
                .when(new UpdateDid(NUMBER, null, null, null, "", null))
                .expectEvents(new DidUpdated(NUMBER, OPERATOR, IN_STOCK, IN_STOCK, null, null));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(created("nyc"))
                .when(new UpdateDid(NUMBER, OPERATOR, IN_STOCK, IN_STOCK, "nyc", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesSettingHoldByHand() {
        fixture.given(created(null))
                .when(new UpdateDid(NUMBER, null, HOLD, null, null, null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void refusesChangingTheStatusOfADidAClientHolds() {
        fixture.given(created(null), new DidAssigned(NUMBER, UUID.randomUUID(), "client-1", "cp-1", "sip:a@pbx"))
                .when(new UpdateDid(NUMBER, null, ARCHIVE, null, null, null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void refusesToUpdateADeletedDid() {
        fixture.given(created(null), new DidDeleted(NUMBER))
                .when(new UpdateDid(NUMBER, null, ARCHIVE, null, null, null))
                .expectNoEvents()
                .expectExceptionMessage("No DID " + NUMBER);
    }

    @Test
    void deletesAnInStockDid() {
        fixture.given(created(null))
                .when(new DeleteDid(NUMBER))
                .expectEvents(new DidDeleted(NUMBER));
    }

    @Test
    void deletesAnArchivedDid() {
        fixture.given(created(null), new DidUpdated(NUMBER, OPERATOR, ARCHIVE, IN_STOCK, null, null))
                .when(new DeleteDid(NUMBER))
                .expectEvents(new DidDeleted(NUMBER));
    }

    @Test
    void refusesToDeleteAnActiveDid() {
        fixture.given(created(null), new DidAssigned(NUMBER, UUID.randomUUID(), "client-1", "cp-1", "sip:a@pbx"))
                .when(new DeleteDid(NUMBER))
                .expectNoEvents()
                .expectExceptionMessage("DID " + NUMBER + " is ACTIVE; only IN_STOCK, RESERVED or ARCHIVE DIDs can be deleted");
    }

    @Test
    void refusesToDeleteTwice() {
        fixture.given(created(null), new DidDeleted(NUMBER))
                .when(new DeleteDid(NUMBER))
                .expectNoEvents()
                .expectException(DomainException.class);
    }
}
