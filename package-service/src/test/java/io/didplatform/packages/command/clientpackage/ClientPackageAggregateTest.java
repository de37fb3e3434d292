package io.didplatform.packages.command.clientpackage;

import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.ClientPackageTerminated;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.packages.command.lookup.KnownClients;
import io.didplatform.packages.command.lookup.PackageCatalog;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static io.didplatform.contracts.packages.DeactivationReason.CLIENT_SUSPENDED;
import static io.didplatform.contracts.packages.DeactivationReason.ENDED;
import static io.didplatform.contracts.packages.DeactivationReason.MANUAL;
import static io.didplatform.contracts.packages.DeactivationReason.PACKAGE_DISABLED;
import static io.didplatform.packages.command.DomainExceptions.withCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ClientPackageAggregateTest {
    private static final String ID = "cp-1";
    private static final String CLIENT = "client-1";
    private static final String PACKAGE = "pkg-1";
    private static final List<String> TAGS = List.of("nyc");
    private static final PackageCatalog.Entry GOLD = new PackageCatalog.Entry(PACKAGE, 2, TAGS, PackageStatus.ACTIVE);

    private AggregateTestFixture<ClientPackageAggregate> fixture;
    private final KnownClients clients = mock(KnownClients.class);
    private final PackageCatalog catalog = mock(PackageCatalog.class);
    private Instant now;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClientPackageAggregate.class);
        fixture.registerInjectableResource(clients);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(clock);
        now = fixture.currentTime();
        clock.set(now);
        when(clients.status(CLIENT)).thenReturn(Optional.of(ClientStatus.ACTIVE));
        when(catalog.lockAndFind(PACKAGE)).thenReturn(Optional.of(GOLD));
        when(catalog.find(PACKAGE)).thenReturn(Optional.of(GOLD));
    }

    private ClientPackageCreated created(Instant startsAt, Instant endsAt) {
        return new ClientPackageCreated(ID, CLIENT, PACKAGE, 2, TAGS, startsAt, endsAt);
    }

    private static PackageActivated activated() {
        return new PackageActivated(ID, CLIENT, PACKAGE, 2, TAGS);
    }

    @Test
    void startsActiveAtOnceWithoutStartsAt() {
        fixture.givenNoPriorActivity()
                .when(new CreateClientPackage(ID, CLIENT, PACKAGE, null, null, now))
                .expectEvents(created(null, null), activated())
                .expectResultMessagePayload(new ClientPackageGiven(2, TAGS, true))
                .expectNoScheduledDeadlines();
    }

    @Test
    void refusesAClientItHasNotHeardOf() {
        fixture.givenNoPriorActivity()
                .when(new CreateClientPackage(ID, "stranger", PACKAGE, null, null, now))
                .expectException(withCode("CLIENT_NOT_FOUND"));
    }

    @Test
    void refusesToGiveOrActivateAPackageOfASuspendedClient() {
        when(clients.status(CLIENT)).thenReturn(Optional.of(ClientStatus.SUSPENDED));
        fixture.givenNoPriorActivity()
                .when(new CreateClientPackage(ID, CLIENT, PACKAGE, null, null, now))
                .expectException(withCode("CLIENT_NOT_ACTIVE"));
        fixture.given(created(null, null), activated(), new PackageDeactivated(ID, CLIENT, PACKAGE, CLIENT_SUSPENDED))
                .when(new ActivateClientPackage(ID, now))
                .expectException(withCode("CLIENT_NOT_ACTIVE"));
    }

    @Test
    void resumesOnlyWhatMayStillBeActive() {
        PackageDeactivated suspended = new PackageDeactivated(ID, CLIENT, PACKAGE, CLIENT_SUSPENDED);
        fixture.given(created(null, null), activated(), suspended)
                .when(new ResumeClientPackage(ID, now))
                .expectEvents(activated());
        fixture.given(created(null, now.plus(Duration.ofHours(1))), activated(), suspended)
                .when(new ResumeClientPackage(ID, now.plus(Duration.ofHours(2))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        when(catalog.find(PACKAGE)).thenReturn(Optional.of(
                new PackageCatalog.Entry(PACKAGE, 2, TAGS, PackageStatus.DISABLED)));
        fixture.given(created(null, null), activated(), suspended)
                .when(new ResumeClientPackage(ID, now))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void staysInactiveAtItsStartWhenItsClientWasSuspendedMeanwhile() {
        Instant startsAt = now.plus(Duration.ofHours(1));
        fixture.givenCommands(new CreateClientPackage(ID, CLIENT, PACKAGE, startsAt, null, now));
        when(clients.status(CLIENT)).thenReturn(Optional.of(ClientStatus.SUSPENDED));
        fixture.whenThenTimeElapses(Duration.ofHours(1))
                .expectTriggeredDeadlinesWithName(ClientPackageAggregate.START)
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownPackage() {
        fixture.givenNoPriorActivity()
                .when(new CreateClientPackage(ID, CLIENT, "no-such", null, null, now))
                .expectException(withCode("PACKAGE_NOT_FOUND"));
    }

    @Test
    void refusesAPackageThatIsNotActive() {
        when(catalog.lockAndFind(PACKAGE)).thenReturn(Optional.of(
                new PackageCatalog.Entry(PACKAGE, 2, TAGS, PackageStatus.DISABLED)));
        fixture.givenNoPriorActivity()
                .when(new CreateClientPackage(ID, CLIENT, PACKAGE, null, null, now))
                .expectException(withCode("PACKAGE_NOT_ACTIVE"));
    }

    @Test
    void refusesAnEndBeforeTheStartOrInThePast() {
        fixture.givenNoPriorActivity()
                .when(new CreateClientPackage(ID, CLIENT, PACKAGE, now.plusSeconds(60), now.plusSeconds(30), now))
                .expectException(withCode("INVALID_PERIOD"));
        fixture.givenNoPriorActivity()
                .when(new CreateClientPackage(ID, CLIENT, PACKAGE, null, now.minusSeconds(1), now))
                .expectException(withCode("INVALID_PERIOD"));
    }

    @Test
    void aFutureStartWaitsForItsDeadline() {
        Instant startsAt = now.plus(Duration.ofHours(1));
        fixture.givenNoPriorActivity()
                .when(new CreateClientPackage(ID, CLIENT, PACKAGE, startsAt, null, now))
                .expectEvents(created(startsAt, null))
                .expectScheduledDeadlineWithName(Duration.ofHours(1), ClientPackageAggregate.START);
    }

    @Test
    void becomesActiveWhenItsStartComes() {
        Instant startsAt = now.plus(Duration.ofHours(1));
        clock.set(startsAt);
        fixture.givenCommands(new CreateClientPackage(ID, CLIENT, PACKAGE, startsAt, null, now))
                .whenThenTimeElapses(Duration.ofHours(1))
                .expectTriggeredDeadlinesWithName(ClientPackageAggregate.START)
                .expectEvents(activated());
    }

    @Test
    void staysInactiveAtItsStartWhenThePackageWasDisabledMeanwhile() {
        Instant startsAt = now.plus(Duration.ofHours(1));
        fixture.givenCommands(new CreateClientPackage(ID, CLIENT, PACKAGE, startsAt, null, now));
        when(catalog.find(PACKAGE)).thenReturn(Optional.of(new PackageCatalog.Entry(PACKAGE, 2, TAGS, PackageStatus.DISABLED)));
        fixture.whenThenTimeElapses(Duration.ofHours(1))
                .expectTriggeredDeadlinesWithName(ClientPackageAggregate.START)
                .expectNoEvents();
    }

    @Test
    void anOverdueStartDoesNotActivateOnceItsEndHasPassedToo() {
        Instant startsAt = now.plus(Duration.ofHours(1));
        fixture.givenCommands(new CreateClientPackage(ID, CLIENT, PACKAGE, startsAt, startsAt.plus(Duration.ofHours(1)), now));
        clock.set(now.plus(Duration.ofHours(3)));
        fixture.whenThenTimeElapses(Duration.ofHours(3))
                .expectTriggeredDeadlinesWithName(ClientPackageAggregate.START, ClientPackageAggregate.END)
                .expectNoEvents();
    }

    @Test
    void deactivatesItselfWhenItsEndComes() {
        Instant endsAt = now.plus(Duration.ofMinutes(2));
        fixture.givenCommands(new CreateClientPackage(ID, CLIENT, PACKAGE, null, endsAt, now))
                .whenThenTimeElapses(Duration.ofMinutes(2))
                .expectTriggeredDeadlinesWithName(ClientPackageAggregate.END)
                .expectEvents(new PackageDeactivated(ID, CLIENT, PACKAGE, ENDED));
    }

    @Test
    void anEndWhileAlreadyInactivePublishesNothing() {
        Instant endsAt = now.plus(Duration.ofMinutes(2));
        fixture.givenCommands(new CreateClientPackage(ID, CLIENT, PACKAGE, null, endsAt, now),
                        new DeactivateClientPackage(ID, MANUAL))
                .whenThenTimeElapses(Duration.ofMinutes(2))
                .expectTriggeredDeadlinesWithName(ClientPackageAggregate.END)
                .expectNoEvents();
    }

    @Test
    void deactivatesManuallyOnce() {
        fixture.given(created(null, null), activated())
                .when(new DeactivateClientPackage(ID, MANUAL))
                .expectEvents(new PackageDeactivated(ID, CLIENT, PACKAGE, MANUAL))
                .expectResultMessagePayload(new ActivationState(false, true));
        fixture.given(created(null, null), activated(), new PackageDeactivated(ID, CLIENT, PACKAGE, MANUAL))
                .when(new DeactivateClientPackage(ID, MANUAL))
                .expectNoEvents()
                .expectResultMessagePayload(new ActivationState(false, false));
    }

    @Test
    void activatesAnInactiveOneOnceWithThePackagesCurrentLimitAndTags() {
        when(catalog.find(PACKAGE)).thenReturn(Optional.of(new PackageCatalog.Entry(PACKAGE, 5, List.of(), PackageStatus.ACTIVE)));
        fixture.given(created(null, null), activated(), new PackageDeactivated(ID, CLIENT, PACKAGE, MANUAL))
                .when(new ActivateClientPackage(ID, now))
                .expectEvents(new PackageActivated(ID, CLIENT, PACKAGE, 5, List.of()))
                .expectResultMessagePayload(new ActivationState(true, true));
        fixture.given(created(null, null), activated())
                .when(new ActivateClientPackage(ID, now))
                .expectNoEvents()
                .expectResultMessagePayload(new ActivationState(true, false));
    }

    @Test
    void refusesActivationAfterItsEnd() {
        fixture.given(created(null, now.minusSeconds(5)), activated(), new PackageDeactivated(ID, CLIENT, PACKAGE, ENDED))
                .when(new ActivateClientPackage(ID, now))
                .expectException(withCode("CLIENT_PACKAGE_ENDED"));
    }

    @Test
    void refusesActivationWhileItsPackageIsDisabled() {
        when(catalog.find(PACKAGE)).thenReturn(Optional.of(new PackageCatalog.Entry(PACKAGE, 2, TAGS, PackageStatus.DISABLED)));
        fixture.given(created(null, null), activated(), new PackageDeactivated(ID, CLIENT, PACKAGE, PACKAGE_DISABLED))
                .when(new ActivateClientPackage(ID, now))
                .expectException(withCode("PACKAGE_NOT_ACTIVE"));
    }

    @Test
    void terminatesForGoodAndCancelsItsDeadlines() {
        Instant startsAt = now.plus(Duration.ofHours(1));
        fixture.givenCommands(new CreateClientPackage(ID, CLIENT, PACKAGE, startsAt, startsAt.plusSeconds(60), now))
                .when(new TerminateClientPackage(ID))
                .expectEvents(new ClientPackageTerminated(ID, CLIENT, PACKAGE))
                .expectNoScheduledDeadlines();
    }

    @Test
    void terminatingTwicePublishesOnce() {
        fixture.given(created(null, null), activated(), new ClientPackageTerminated(ID, CLIENT, PACKAGE))
                .when(new TerminateClientPackage(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesManualChangesAfterTermination() {
        fixture.given(created(null, null), new ClientPackageTerminated(ID, CLIENT, PACKAGE))
                .when(new ActivateClientPackage(ID, now))
                .expectException(withCode("CLIENT_PACKAGE_TERMINATED"));
        fixture.given(created(null, null), new ClientPackageTerminated(ID, CLIENT, PACKAGE))
                .when(new DeactivateClientPackage(ID, MANUAL))
                .expectException(withCode("CLIENT_PACKAGE_TERMINATED"));
    }

    @Test
    void aDisabledPackageDeactivatesItsActiveClientPackages() {
        fixture.given(created(null, null), activated())
                .when(new DeactivateClientPackage(ID, PACKAGE_DISABLED))
                .expectEvents(new PackageDeactivated(ID, CLIENT, PACKAGE, PACKAGE_DISABLED));
    }

    /** The time deadline handlers see, set by each test. */
    private static final class MutableClock extends Clock {
        private Instant instant = Instant.EPOCH;

        void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
