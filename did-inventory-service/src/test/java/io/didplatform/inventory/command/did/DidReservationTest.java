package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.AssignmentRejection;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidAssignmentRejected;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidReservationExpired;
import io.didplatform.contracts.inventory.DidReservationExtended;
import io.didplatform.contracts.inventory.DidReservationReleased;
import io.didplatform.contracts.inventory.DidReserved;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.inventory.command.registry.InMemoryClientPackageHoldings;
import io.didplatform.inventory.command.registry.InMemoryDidRegistry;
import io.didplatform.support.web.DomainException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.didplatform.contracts.inventory.DidStatus.ACTIVE;
import static io.didplatform.contracts.inventory.DidStatus.ARCHIVE;
import static io.didplatform.contracts.inventory.DidStatus.IN_STOCK;
import static io.didplatform.contracts.inventory.DidStatus.RESERVED;

/** Reservations that expire (docs/design.md, "Reservations that expire"). */
class DidReservationTest {
    private static final String NUMBER = "15550000001";
    private static final String CLIENT = "client-1";
    private static final String OTHER_CLIENT = "client-2";
    private static final String PACKAGE = "cp-1";
    private static final String DEAL = "Acme Q3 expansion";
    private static final UUID REQUEST = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant UNTIL = NOW.plusSeconds(60);
    private static final Instant LATER = NOW.plusSeconds(3600);

    private AggregateTestFixture<DidAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DidAggregate.class);
        InMemoryClientPackageHoldings holdings = new InMemoryClientPackageHoldings();
        fixture.registerInjectableResource(holdings);
        fixture.registerInjectableResource(fixture.getEventBus());
        fixture.registerAnnotatedCommandHandler(new DidLookupCommands(fixture.getRepository(), new InMemoryDidRegistry(),
                holdings));
    }

    private static DidCreated inStock() {
        return new DidCreated(NUMBER, "op-1", IN_STOCK, IN_STOCK, null, null);
    }

    private static DidReserved reserved() {
        return new DidReserved(NUMBER, CLIENT, DEAL, UNTIL, IN_STOCK);
    }

    private static AssignDid take(String client) {
        return new AssignDid(NUMBER, REQUEST, client, PACKAGE, "sip:a@pbx", List.of(), LATER);
    }

    private static org.hamcrest.Matcher<?> refusedWith(String code) {
        return Matchers.predicate(e -> e instanceof DomainException refusal && refusal.code().equals(code));
    }

    @Test
    void reservesAnInStockDidForAClientAndADeal() {
        fixture.given(inStock())
                .when(new ReserveDid(NUMBER, CLIENT, " " + DEAL + " ", UNTIL, NOW))
                .expectEvents(reserved());
    }

    @Test
    void aDealAloneIsEnough() {
        fixture.given(inStock())
                .when(new ReserveDid(NUMBER, null, DEAL, UNTIL, NOW))
                .expectEvents(new DidReserved(NUMBER, null, DEAL, UNTIL, IN_STOCK));
    }

    @Test
    void refusesAReservationForNobody() {
        fixture.given(inStock())
                .when(new ReserveDid(NUMBER, " ", null, UNTIL, NOW))
                .expectException(refusedWith("RESERVED_FOR_REQUIRED"));
    }

    @Test
    void refusesAnEndInThePast() {
        fixture.given(inStock())
                .when(new ReserveDid(NUMBER, CLIENT, null, NOW, NOW))
                .expectException(refusedWith("RESERVATION_IN_PAST"));
    }

    @Test
    void refusesAnEndMoreThanTenYearsAhead() {
        fixture.given(inStock())
                .when(new ReserveDid(NUMBER, CLIENT, null, NOW.plus(Duration.ofDays(3651)), NOW))
                .expectException(refusedWith("RESERVATION_TOO_LONG"));
    }

    @Test
    void refusesADidThatIsNotInStock() {
        fixture.given(new DidCreated(NUMBER, "op-1", ARCHIVE, IN_STOCK, null, null))
                .when(new ReserveDid(NUMBER, CLIENT, null, UNTIL, NOW))
                .expectException(refusedWith("DID_NOT_IN_STOCK"));
    }

    @Test
    void refusesADidReservedAlready() {
        fixture.given(inStock(), reserved())
                .when(new ReserveDid(NUMBER, OTHER_CLIENT, null, LATER, NOW))
                .expectException(refusedWith("DID_RESERVED"));
    }

    @Test
    void refusesADeletedOrUnknownDid() {
        fixture.given(inStock(), new DidDeleted(NUMBER))
                .when(new ReserveDid(NUMBER, CLIENT, null, UNTIL, NOW))
                .expectException(refusedWith("DID_NOT_FOUND"));
        fixture.givenNoPriorActivity()
                .when(new ReserveDid(NUMBER, CLIENT, null, UNTIL, NOW))
                .expectException(AggregateNotFoundException.class); // answered 404 (ApiErrors)
    }

    @Test
    void extendsToALaterEnd() {
        fixture.given(inStock(), reserved())
                .when(new ExtendReservation(NUMBER, LATER, NOW))
                .expectEvents(new DidReservationExtended(NUMBER, LATER));
    }

    @Test
    void theSameEndAgainChangesNothing() {
        fixture.given(inStock(), reserved(), new DidReservationExtended(NUMBER, LATER))
                .when(new ExtendReservation(NUMBER, LATER, NOW))
                .expectNoEvents();
    }

    @Test
    void refusesAnExtensionToAnEarlierEnd() {
        fixture.given(inStock(), reserved(), new DidReservationExtended(NUMBER, LATER))
                .when(new ExtendReservation(NUMBER, UNTIL, NOW))
                .expectException(refusedWith("RESERVATION_NOT_LATER"));
    }

    @Test
    void refusesToExtendOrReleaseWithoutAReservation() {
        fixture.given(inStock())
                .when(new ExtendReservation(NUMBER, LATER, NOW))
                .expectException(refusedWith("DID_NOT_RESERVED"));
        fixture.given(new DidCreated(NUMBER, "op-1", RESERVED, IN_STOCK, null, null))
                .when(new ReleaseReservation(NUMBER))
                .expectException(refusedWith("DID_NOT_RESERVED"));
    }

    @Test
    void aReleaseReturnsTheStatusBefore() {
        fixture.given(inStock(), reserved())
                .when(new ReleaseReservation(NUMBER))
                .expectEvents(new DidReservationReleased(NUMBER, IN_STOCK));
    }

    @Test
    void expiresAtItsEndNotBefore() {
        fixture.given(inStock(), reserved())
                .when(new EndReservation(NUMBER, UNTIL.minusMillis(1)))
                .expectNoEvents();
        fixture.given(inStock(), reserved())
                .when(new EndReservation(NUMBER, UNTIL))
                .expectEvents(new DidReservationExpired(NUMBER, IN_STOCK));
    }

    @Test
    void anExtendedReleasedOrExpiredReservationDoesNotExpireAgain() {
        fixture.given(inStock(), reserved(), new DidReservationExtended(NUMBER, LATER))
                .when(new EndReservation(NUMBER, UNTIL))
                .expectNoEvents();
        fixture.given(inStock(), reserved(), new DidReservationReleased(NUMBER, IN_STOCK))
                .when(new EndReservation(NUMBER, LATER))
                .expectNoEvents();
        fixture.given(inStock(), reserved(), new DidReservationExpired(NUMBER, IN_STOCK))
                .when(new EndReservation(NUMBER, LATER))
                .expectNoEvents();
    }

    @Test
    void anotherClientsTakeIsRefusedWithTheReason() {
        fixture.given(inStock(), reserved())
                .when(take(OTHER_CLIENT))
                .expectEvents(new DidAssignmentRejected(NUMBER, REQUEST, OTHER_CLIENT, PACKAGE,
                        AssignmentRejection.RESERVED_FOR_ANOTHER_CLIENT));
    }

    @Test
    void nobodyTakesADidReservedForADealAlone() {
        fixture.given(inStock(), new DidReserved(NUMBER, null, DEAL, UNTIL, IN_STOCK))
                .when(take(CLIENT))
                .expectEvents(new DidAssignmentRejected(NUMBER, REQUEST, CLIENT, PACKAGE,
                        AssignmentRejection.RESERVED_FOR_ANOTHER_CLIENT));
    }

    @Test
    void theReservationsClientTakesItAndTheReservationEnds() {
        fixture.given(inStock(), reserved())
                .when(take(CLIENT))
                .expectEvents(new DidReservationReleased(NUMBER, IN_STOCK),
                        new DidAssigned(NUMBER, REQUEST, CLIENT, PACKAGE, "sip:a@pbx"));
    }

    @Test
    void theReservationsClientsTakeDeliveredAgainChangesNothing() {
        fixture.given(inStock(), reserved(), new DidReservationReleased(NUMBER, IN_STOCK),
                        new DidAssigned(NUMBER, REQUEST, CLIENT, PACKAGE, "sip:a@pbx"))
                .when(take(CLIENT))
                .expectNoEvents();
    }

    @Test
    void theReservationsClientIsStillHeldToThePackagesTags() {
        fixture.given(new DidCreated(NUMBER, "op-1", IN_STOCK, IN_STOCK, "la", null), reserved())
                .when(new AssignDid(NUMBER, REQUEST, CLIENT, PACKAGE, "sip:a@pbx", List.of("nyc"), LATER))
                .expectEvents(new DidAssignmentRejected(NUMBER, REQUEST, CLIENT, PACKAGE,
                        AssignmentRejection.TAG_NOT_ALLOWED));
    }

    @Test
    void aReservedDidKeepsItsStatusAndStaysUntilReleased() {
        fixture.given(inStock(), reserved())
                .when(new UpdateDid(NUMBER, null, ARCHIVE, null, null, null))
                .expectException(refusedWith("DID_RESERVED"));
        fixture.given(inStock(), reserved())
                .when(new DeleteDid(NUMBER))
                .expectException(refusedWith("DID_RESERVED"));
        fixture.given(inStock(), reserved())
                .when(new UpdateDid(NUMBER, null, null, null, null, "call Bob"))
                .expectEvents(new DidUpdated(NUMBER, "op-1", RESERVED, IN_STOCK, null, "call Bob"));
    }

    @Test
    void aReleasedDidCanBeDeletedAndReservedAgain() {
        fixture.given(inStock(), reserved(), new DidReservationReleased(NUMBER, IN_STOCK))
                .when(new DeleteDid(NUMBER))
                .expectEvents(new DidDeleted(NUMBER));
        fixture.given(inStock(), reserved(), new DidReservationExpired(NUMBER, IN_STOCK))
                .when(new ReserveDid(NUMBER, OTHER_CLIENT, null, LATER, NOW))
                .expectEvents(new DidReserved(NUMBER, OTHER_CLIENT, null, LATER, IN_STOCK));
    }
}
