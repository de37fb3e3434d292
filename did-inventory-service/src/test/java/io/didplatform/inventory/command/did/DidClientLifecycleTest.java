package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.AssignmentRejection;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidAssignmentRejected;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.inventory.command.registry.ClientPackageHoldings.PackageState;
import io.didplatform.inventory.command.registry.InMemoryClientPackageHoldings;
import io.didplatform.inventory.command.registry.InMemoryDidRegistry;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.didplatform.contracts.inventory.DidStatus.ACTIVE;
import static io.didplatform.contracts.inventory.DidStatus.ARCHIVE;
import static io.didplatform.contracts.inventory.DidStatus.BLOCKED;
import static io.didplatform.contracts.inventory.DidStatus.IN_STOCK;
import static io.didplatform.contracts.inventory.DidStatus.RESERVED;
import static io.didplatform.contracts.inventory.HoldReason.PACKAGE_INACTIVE;
import static io.didplatform.contracts.inventory.HoldReason.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

/** Assignment, blocking, routing, holds, restores and releases of one DID (docs/design.md, "The DID lifecycle"). */
class DidClientLifecycleTest {
    private static final String NUMBER = "15550000001";
    private static final String CLIENT = "client-1";
    private static final String OTHER_CLIENT = "client-2";
    private static final String PACKAGE = "cp-1";
    private static final String DESTINATION = "sip:a@pbx";
    private static final UUID REQUEST = UUID.randomUUID();
    private static final Duration HOLD = Duration.ofDays(30);

    private AggregateTestFixture<DidAggregate> fixture;
    private InMemoryClientPackageHoldings holdings;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DidAggregate.class);
        holdings = new InMemoryClientPackageHoldings();
        fixture.registerInjectableResource(holdings);
        fixture.registerInjectableResource(fixture.getEventBus());
        fixture.registerAnnotatedCommandHandler(new DidLookupCommands(fixture.getRepository(), new InMemoryDidRegistry(),
                holdings));
    }

    /** A hold's end, as precise as it is kept (microseconds). */
    private Instant until() {
        return fixture.currentTime().plus(HOLD).truncatedTo(ChronoUnit.MICROS);
    }

    private static DidCreated created(String tag) {
        return new DidCreated(NUMBER, "op-1", IN_STOCK, ARCHIVE, tag, null);
    }

    private static DidAssigned assigned() {
        return new DidAssigned(NUMBER, REQUEST, CLIENT, PACKAGE, DESTINATION);
    }

    private AssignDid assign(UUID request, String client, List<String> tags) {
        return new AssignDid(NUMBER, request, client, PACKAGE, DESTINATION, tags, until());
    }

    private DidHeld heldForInactivePackage(Instant until) {
        return new DidHeld(NUMBER, PACKAGE, PACKAGE_INACTIVE, until, ACTIVE);
    }

    @Test
    void assignsAnInStockDidWhoseTagThePackageAllows() {
        fixture.given(created("nyc"))
                .when(assign(REQUEST, CLIENT, List.of("nyc", "la")))
                .expectEvents(assigned());
    }

    @Test
    void aPackageWithoutTagsTakesAnyTag() {
        fixture.given(created(null))
                .when(assign(REQUEST, CLIENT, List.of()))
                .expectEvents(assigned());
    }

    @Test
    void refusesADidThatIsNotInStock() {
        fixture.given(new DidCreated(NUMBER, "op-1", RESERVED, IN_STOCK, "nyc", null))
                .when(assign(REQUEST, CLIENT, List.of()))
                .expectEvents(new DidAssignmentRejected(NUMBER, REQUEST, CLIENT, PACKAGE, AssignmentRejection.NOT_IN_STOCK));
    }

    @Test
    void theSecondOfTwoClientsRacingForANumberIsRefused() {
        UUID second = UUID.randomUUID();
        fixture.given(created("nyc"), assigned())
                .when(assign(second, OTHER_CLIENT, List.of()))
                .expectEvents(new DidAssignmentRejected(NUMBER, second, OTHER_CLIENT, PACKAGE,
                        AssignmentRejection.NOT_IN_STOCK));
    }

    @Test
    void aGrantedRequestDeliveredAgainChangesNothing() {
        fixture.given(created("nyc"), assigned())
                .when(assign(REQUEST, CLIENT, List.of()))
                .expectNoEvents();
    }

    @Test
    void refusesATagThePackageDoesNotAllow() {
        fixture.given(created("la"))
                .when(assign(REQUEST, CLIENT, List.of("nyc")))
                .expectEvents(new DidAssignmentRejected(NUMBER, REQUEST, CLIENT, PACKAGE, AssignmentRejection.TAG_NOT_ALLOWED));
    }

    @Test
    void refusesAnUntaggedDidWhenThePackageNamesTags() {
        fixture.given(created(null))
                .when(assign(REQUEST, CLIENT, List.of("nyc")))
                .expectEvents(new DidAssignmentRejected(NUMBER, REQUEST, CLIENT, PACKAGE, AssignmentRejection.TAG_NOT_ALLOWED));
    }

    @Test
    void refusesAnUnknownNumberWithoutStartingADid() {
        fixture.givenNoPriorActivity()
                .when(assign(REQUEST, CLIENT, List.of()))
                .expectEvents(new DidAssignmentRejected(NUMBER, REQUEST, CLIENT, PACKAGE, AssignmentRejection.UNKNOWN_NUMBER));
        assertThat(holdings.holderOf(NUMBER)).isNull();
    }

    @Test
    void aDidAssignedUnderAnInactivePackageIsHeldAtOnce() {
        holdings.withState(PACKAGE, PackageState.INACTIVE);
        fixture.given(created("nyc"))
                .when(assign(REQUEST, CLIENT, List.of()))
                .expectEvents(assigned(), heldForInactivePackage(until()));
    }

    @Test
    void theOwnerBlocksAndUnblocks() {
        fixture.given(created(null), assigned())
                .when(new BlockDid(NUMBER, CLIENT))
                .expectEvents(new DidBlocked(NUMBER));
        fixture.given(created(null), assigned(), new DidBlocked(NUMBER))
                .when(new UnblockDid(NUMBER, CLIENT))
                .expectEvents(new DidUnblocked(NUMBER));
    }

    @Test
    void anotherClientCannotBlockOrRouteTheDid() {
        fixture.given(created(null), assigned())
                .when(new BlockDid(NUMBER, OTHER_CLIENT))
                .expectNoEvents();
        fixture.given(created(null), assigned())
                .when(new ChangeDidRouting(NUMBER, OTHER_CLIENT, "tel:+15551234"))
                .expectNoEvents();
    }

    @Test
    void blockingABlockedDidChangesNothing() {
        fixture.given(created(null), assigned(), new DidBlocked(NUMBER))
                .when(new BlockDid(NUMBER, CLIENT))
                .expectNoEvents();
    }

    @Test
    void theOwnerChangesTheDestination() {
        fixture.given(created(null), assigned())
                .when(new ChangeDidRouting(NUMBER, CLIENT, "tel:+15551234"))
                .expectEvents(new DidRoutingChanged(NUMBER, "tel:+15551234"));
    }

    @Test
    void commandsForANumberWithoutDidChangeNothing() {
        fixture.givenNoPriorActivity()
                .when(new BlockDid(NUMBER, CLIENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReturnedDidIsHeldAsReleased() {
        fixture.given(created(null), assigned(), new DidBlocked(NUMBER))
                .when(new ReturnDid(NUMBER, CLIENT, until()))
                .expectEvents(new DidHeld(NUMBER, PACKAGE, RELEASED, until(), BLOCKED));
    }

    @Test
    void holdsAnActiveDidWhenItsPackageIsInactive() {
        holdings.withState(PACKAGE, PackageState.INACTIVE);
        fixture.given(created(null), assigned())
                .when(new FollowClientPackage(NUMBER, PACKAGE, until()))
                .expectEvents(heldForInactivePackage(until()));
    }

    @Test
    void neverHoldsTwice() {
        holdings.withState(PACKAGE, PackageState.INACTIVE);
        fixture.given(created(null), assigned(), heldForInactivePackage(until()))
                .when(new FollowClientPackage(NUMBER, PACKAGE, until().plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void ignoresAnotherPackagesCascade() {
        holdings.withState("cp-other", PackageState.INACTIVE);
        fixture.given(created(null), assigned())
                .when(new FollowClientPackage(NUMBER, "cp-other", until()))
                .expectNoEvents();
    }

    @Test
    void restoresWhatItWasWhenThePackageIsActiveAgain() {
        holdings.withState(PACKAGE, PackageState.INACTIVE);
        var held = fixture.given(created(null), assigned(), new DidBlocked(NUMBER))
                .andGivenCommands(new FollowClientPackage(NUMBER, PACKAGE, until()));
        holdings.withState(PACKAGE, PackageState.ACTIVE);
        held.when(new FollowClientPackage(NUMBER, PACKAGE, until()))
                .expectEvents(new DidRestored(NUMBER, PACKAGE, BLOCKED));
    }

    @Test
    void whenTheHoldEndsTheDidTakesItsAfterHoldStatusAndLeavesTheClient() {
        fixture.given(created(null), assigned())
                .andGivenCommands(new ReturnDid(NUMBER, CLIENT, until()))
                .when(new EndHold(NUMBER, until()))
                .expectEvents(new DidReleased(NUMBER, ARCHIVE));
    }

    @Test
    void aHoldDoesNotEndBeforeItsTime() {
        fixture.given(created(null), assigned(), new DidHeld(NUMBER, PACKAGE, RELEASED, until(), ACTIVE))
                .when(new EndHold(NUMBER, until().minusMillis(1)))
                .expectNoEvents();
    }

    @Test
    void aRestoredHoldDoesNotEndAndItsRecordIsCleared() {
        holdings.withHolding(NUMBER, PACKAGE).holdUntil(NUMBER, until());
        fixture.given(created(null), assigned(), heldForInactivePackage(until()), new DidRestored(NUMBER, PACKAGE, ACTIVE))
                .when(new EndHold(NUMBER, until()))
                .expectNoEvents();
        assertThat(holdings.holdEndOf(NUMBER)).isNull();
        assertThat(holdings.holderOf(NUMBER)).isEqualTo(PACKAGE);
    }

    @Test
    void aReleasedDidCanBeAssignedAgain() {
        UUID next = UUID.randomUUID();
        fixture.given(created(null), assigned(), new DidHeld(NUMBER, PACKAGE, RELEASED, until(), ACTIVE),
                        new DidReleased(NUMBER, IN_STOCK))
                .when(assign(next, OTHER_CLIENT, List.of()))
                .expectEvents(new DidAssigned(NUMBER, next, OTHER_CLIENT, PACKAGE, DESTINATION));
    }

    @Test
    void neverRestoresTwice() {
        fixture.given(created(null), assigned(), heldForInactivePackage(until()),
                        new DidRestored(NUMBER, PACKAGE, ACTIVE))
                .when(new FollowClientPackage(NUMBER, PACKAGE, until()))
                .expectNoEvents();
    }

    @Test
    void aReleasedDidIsNeverRestored() {
        fixture.given(created(null), assigned(), new DidHeld(NUMBER, PACKAGE, RELEASED, until(), ACTIVE))
                .when(new FollowClientPackage(NUMBER, PACKAGE, until()))
                .expectNoEvents();
    }

    @Test
    void aTerminatedPackagesHeldDidsAreHeldAsReleasedKeepingTheirEnd() {
        holdings.withState(PACKAGE, PackageState.TERMINATED);
        Instant end = until().minusSeconds(3600);
        fixture.given(created(null), assigned(), heldForInactivePackage(end))
                .when(new FollowClientPackage(NUMBER, PACKAGE, until()))
                .expectEvents(new DidHeld(NUMBER, PACKAGE, RELEASED, end, ACTIVE));
    }

    @Test
    void aTerminatedPackagesActiveDidsAreHeldAsReleased() {
        holdings.withState(PACKAGE, PackageState.TERMINATED);
        fixture.given(created(null), assigned())
                .when(new FollowClientPackage(NUMBER, PACKAGE, until()))
                .expectEvents(new DidHeld(NUMBER, PACKAGE, RELEASED, until(), ACTIVE));
    }
}
