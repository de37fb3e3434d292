package io.didplatform.clients.command;

import io.didplatform.clients.event.ClientDidReleased;
import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.contracts.clients.ClientUpdated;
import io.didplatform.contracts.clients.DidAssignmentConfirmed;
import io.didplatform.contracts.clients.DidAssignmentFailed;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.clients.DidBlockRequested;
import io.didplatform.contracts.clients.DidReturnRequested;
import io.didplatform.contracts.clients.DidRoutingChangeRequested;
import io.didplatform.contracts.clients.DidUnblockRequested;
import io.didplatform.contracts.inventory.AssignmentRejection;
import io.didplatform.support.web.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

class ClientAggregateTest {
    private static final String CLIENT = "client-1";
    private static final String PACKAGE = "cp-1";
    private static final String DEST = "sip:office@pbx.example.com";
    private static final UUID R1 = UUID.randomUUID();
    private static final UUID R2 = UUID.randomUUID();
    private static final UUID R3 = UUID.randomUUID();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ClientPackageTerms ACTIVE_TWO = new ClientPackageTerms(PACKAGE, CLIENT, 2, List.of("nyc"), true);

    private AggregateTestFixture<ClientAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClientAggregate.class);
    }

    private static ClientCreated created() {
        return new ClientCreated(CLIENT, "Acme", "noc@acme.test", ClientStatus.ACTIVE);
    }

    private static DidAssignmentRequested requested(UUID requestId, String number) {
        return new DidAssignmentRequested(CLIENT, requestId, number, PACKAGE, DEST, List.of("nyc"));
    }

    private RequestDidAssignment request(UUID requestId, String number, ClientPackageTerms terms) {
        return new RequestDidAssignment(CLIENT, requestId, number, PACKAGE, DEST, terms, fixture.currentTime().plus(TIMEOUT));
    }

    private static DidAssignmentFailed timedOut(UUID requestId, String number) {
        return new DidAssignmentFailed(CLIENT, requestId, number, PACKAGE, AssignmentRejection.TIMEOUT);
    }

    private static Matcher<Object> refusedWith(String code) {
        return Matchers.<Object>predicate(exception -> exception instanceof DomainException domain && code.equals(domain.code()));
    }

    @Test
    void createsAndUpdatesAClient() {
        fixture.givenNoPriorActivity()
                .when(new CreateClient(CLIENT, "Acme", "noc@acme.test", ClientStatus.ACTIVE))
                .expectEvents(created());
        fixture.given(created())
                .when(new UpdateClient(CLIENT, "Acme Inc", "ops@acme.test", ClientStatus.SUSPENDED))
                .expectEvents(new ClientUpdated(CLIENT, "Acme Inc", "ops@acme.test", ClientStatus.SUSPENDED));
    }

    @Test
    void holdsASlotWhenThePackageIsActiveAndHasRoom() {
        fixture.given(created())
                .when(request(R1, "12125550001", ACTIVE_TWO))
                .expectEvents(requested(R1, "12125550001"));
    }

    @Test
    void countsPendingRequestsAgainstTheLimit() {
        fixture.given(created(), requested(R1, "12125550001"), requested(R2, "12125550002"))
                .when(request(R3, "12125550003", ACTIVE_TWO))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("Client package cp-1 allows 2 DIDs and all are taken or requested");
    }

    @Test
    void countsAssignedNumbersAgainstTheLimit() {
        fixture.given(created(), requested(R1, "12125550001"),
                        new DidAssignmentConfirmed(CLIENT, R1, "12125550001", PACKAGE))
                .when(request(R2, "12125550002", new ClientPackageTerms(PACKAGE, CLIENT, 1, List.of(), true)))
                .expectException(DomainException.class)
                .expectException(refusedWith("LIMIT_REACHED"));
    }

    @Test
    void aFailedRequestFreesItsSlot() {
        fixture.given(created(), requested(R1, "12125550001"), requested(R2, "12125550002"),
                        new DidAssignmentFailed(CLIENT, R1, "12125550001", PACKAGE, AssignmentRejection.NOT_IN_STOCK))
                .when(request(R3, "12125550003", ACTIVE_TWO))
                .expectEvents(requested(R3, "12125550003"));
    }

    @Test
    void aGivenBackNumberFreesItsSlot() {
        fixture.given(created(), requested(R1, "12125550001"), new DidAssignmentConfirmed(CLIENT, R1, "12125550001", PACKAGE),
                        requested(R2, "12125550002"), new DidReturnRequested(CLIENT, "12125550001", PACKAGE))
                .when(request(R3, "12125550003", ACTIVE_TWO))
                .expectEvents(requested(R3, "12125550003"));
    }

    @Test
    void aReleasedNumberFreesItsSlot() {
        fixture.given(created(), requested(R1, "12125550001"), new DidAssignmentConfirmed(CLIENT, R1, "12125550001", PACKAGE))
                .when(new ReleaseDid(CLIENT, "12125550001"))
                .expectEvents(new ClientDidReleased(CLIENT, "12125550001", PACKAGE));
    }

    @Test
    void aLateReleaseLeavesANewPendingRequestForTheSameNumberAlone() {
        fixture.given(created(), requested(R2, "12125550001"))
                .when(new ReleaseDid(CLIENT, "12125550001"))
                .expectNoEvents();
    }

    @Test
    void slotsOfOtherPackagesDoNotCount() {
        fixture.given(created(), new DidAssignmentRequested(CLIENT, R1, "12125550001", "cp-other", DEST, List.of()))
                .when(request(R2, "12125550002", new ClientPackageTerms(PACKAGE, CLIENT, 1, List.of("nyc"), true)))
                .expectEvents(requested(R2, "12125550002"));
    }

    @Test
    void refusesAnInactivePackage() {
        fixture.given(created())
                .when(request(R1, "12125550001", new ClientPackageTerms(PACKAGE, CLIENT, 2, List.of("nyc"), false)))
                .expectNoEvents()
                .expectException(refusedWith("PACKAGE_INACTIVE"));
    }

    @Test
    void refusesAnUnknownPackageOrOneOfAnotherClient() {
        fixture.given(created())
                .when(request(R1, "12125550001", null))
                .expectException(refusedWith("UNKNOWN_CLIENT_PACKAGE"));
        fixture.given(created())
                .when(request(R1, "12125550001", new ClientPackageTerms(PACKAGE, "client-2", 2, List.of(), true)))
                .expectException(refusedWith("UNKNOWN_CLIENT_PACKAGE"));
    }

    @Test
    void refusesASuspendedClient() {
        fixture.given(created(), new ClientUpdated(CLIENT, "Acme", "noc@acme.test", ClientStatus.SUSPENDED))
                .when(request(R1, "12125550001", ACTIVE_TWO))
                .expectException(refusedWith("CLIENT_NOT_ACTIVE"));
    }

    @Test
    void refusesASecondRequestForTheSameNumber() {
        fixture.given(created(), requested(R1, "12125550001"))
                .when(request(R2, "12125550001", ACTIVE_TWO))
                .expectException(refusedWith("ALREADY_REQUESTED"));
    }

    @Test
    void inventoryAssignmentConfirmsThePendingRequestOnce() {
        fixture.given(created(), requested(R1, "12125550001"))
                .when(new ConfirmDidAssignment(CLIENT, R1, "12125550001", PACKAGE))
                .expectEvents(new DidAssignmentConfirmed(CLIENT, R1, "12125550001", PACKAGE));
        fixture.given(created(), requested(R1, "12125550001"), new DidAssignmentConfirmed(CLIENT, R1, "12125550001", PACKAGE))
                .when(new ConfirmDidAssignment(CLIENT, R1, "12125550001", PACKAGE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void inventoryRejectionFailsThePendingRequestWithItsReason() {
        fixture.given(created(), requested(R1, "12125550001"))
                .when(new FailDidAssignment(CLIENT, R1, "12125550001", AssignmentRejection.TAG_NOT_ALLOWED))
                .expectEvents(new DidAssignmentFailed(CLIENT, R1, "12125550001", PACKAGE, AssignmentRejection.TAG_NOT_ALLOWED));
    }

    @Test
    void anAnswerToAnotherRequestChangesNothing() {
        fixture.given(created(), requested(R1, "12125550001"))
                .when(new FailDidAssignment(CLIENT, R2, "12125550001", AssignmentRejection.NOT_IN_STOCK))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRequestSetsADeadlineForInventorysAnswer() {
        fixture.given(created())
                .when(request(R1, "12125550001", ACTIVE_TWO))
                .expectScheduledDeadlineWithName(TIMEOUT, ClientAggregate.ANSWER_DUE);
    }

    @Test
    void aRequestInventoryLeavesUnansweredFailsWithTimeoutWhenItsDeadlineComes() {
        fixture.givenCommands(new CreateClient(CLIENT, "Acme", "noc@acme.test", ClientStatus.ACTIVE),
                        request(R1, "12125550001", ACTIVE_TWO))
                .whenTimeElapses(TIMEOUT)
                .expectDeadlinesMet(new AnswerOverdue(R1, "12125550001"))
                .expectEvents(timedOut(R1, "12125550001"));
    }

    @Test
    void aTimedOutRequestFreesItsSlot() {
        fixture.given(created(), requested(R1, "12125550001"), timedOut(R1, "12125550001"))
                .when(request(R2, "12125550002", new ClientPackageTerms(PACKAGE, CLIENT, 1, List.of(), true)))
                .expectEvents(new DidAssignmentRequested(CLIENT, R2, "12125550002", PACKAGE, DEST, List.of()));
    }

    @Test
    void anAnsweredRequestsDeadlineChangesNothing() {
        fixture.givenCommands(new CreateClient(CLIENT, "Acme", "noc@acme.test", ClientStatus.ACTIVE),
                        request(R1, "12125550001", ACTIVE_TWO), new ConfirmDidAssignment(CLIENT, R1, "12125550001", PACKAGE),
                        request(R2, "12125550002", ACTIVE_TWO),
                        new FailDidAssignment(CLIENT, R2, "12125550002", AssignmentRejection.NOT_IN_STOCK))
                .whenTimeElapses(TIMEOUT)
                .expectDeadlinesMet(new AnswerOverdue(R1, "12125550001"), new AnswerOverdue(R2, "12125550002"))
                .expectNoEvents();
    }

    @Test
    void anAssignmentArrivingAfterTheTimeoutIsGivenBack() {
        fixture.given(created(), requested(R1, "12125550001"), timedOut(R1, "12125550001"))
                .when(new ConfirmDidAssignment(CLIENT, R1, "12125550001", PACKAGE))
                .expectEvents(new DidReturnRequested(CLIENT, "12125550001", PACKAGE));
    }

    @Test
    void aLateAssignmentGivenBackLeavesANewRequestForTheSameNumberPending() {
        Object[] askedAgain = {created(), requested(R1, "12125550001"), timedOut(R1, "12125550001"),
                requested(R2, "12125550001")};
        fixture.given(askedAgain)
                .when(new ConfirmDidAssignment(CLIENT, R1, "12125550001", PACKAGE))
                .expectEvents(new DidReturnRequested(CLIENT, "12125550001", PACKAGE));
        fixture.given(Stream.concat(Arrays.stream(askedAgain), Stream.of(new DidReturnRequested(CLIENT, "12125550001", PACKAGE))).toList())
                .when(new FailDidAssignment(CLIENT, R2, "12125550001", AssignmentRejection.NOT_IN_STOCK))
                .expectEvents(new DidAssignmentFailed(CLIENT, R2, "12125550001", PACKAGE, AssignmentRejection.NOT_IN_STOCK));
    }

    @Test
    void aLateAssignmentNeverGivesBackANumberTheClientHolds() {
        fixture.given(created(), requested(R2, "12125550001"), new DidAssignmentConfirmed(CLIENT, R2, "12125550001", PACKAGE))
                .when(new ConfirmDidAssignment(CLIENT, R1, "12125550001", PACKAGE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void asksInventoryToRouteBlockUnblockAndTakeBackAnAssignedNumber() {
        Object[] assigned = {created(), requested(R1, "12125550001"),
                new DidAssignmentConfirmed(CLIENT, R1, "12125550001", PACKAGE)};
        fixture.given(assigned).when(new ChangeDidRouting(CLIENT, "12125550001", "tel:+12125550100"))
                .expectEvents(new DidRoutingChangeRequested(CLIENT, "12125550001", "tel:+12125550100"));
        fixture.given(assigned).when(new BlockDid(CLIENT, "12125550001"))
                .expectEvents(new DidBlockRequested(CLIENT, "12125550001"));
        fixture.given(assigned).when(new UnblockDid(CLIENT, "12125550001"))
                .expectEvents(new DidUnblockRequested(CLIENT, "12125550001"));
        fixture.given(assigned).when(new ReturnDid(CLIENT, "12125550001"))
                .expectEvents(new DidReturnRequested(CLIENT, "12125550001", PACKAGE));
    }

    @Test
    void refusesChangesToANumberTheClientDoesNotHoldOrIsStillWaitingFor() {
        fixture.given(created())
                .when(new BlockDid(CLIENT, "12125550001"))
                .expectException(refusedWith("DID_NOT_FOUND"));
        fixture.given(created(), requested(R1, "12125550001"))
                .when(new ReturnDid(CLIENT, "12125550001"))
                .expectException(refusedWith("ASSIGNMENT_PENDING"));
    }
}
