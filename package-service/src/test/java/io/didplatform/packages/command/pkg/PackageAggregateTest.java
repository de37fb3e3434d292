package io.didplatform.packages.command.pkg;

import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageDeleted;
import io.didplatform.contracts.packages.PackageUpdated;
import io.didplatform.packages.command.lookup.ClientPackageRegistry;
import io.didplatform.packages.command.lookup.PackageCatalog;
import io.didplatform.packages.usage.DidUsage;
import io.didplatform.support.web.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.didplatform.contracts.packages.PackageStatus.ACTIVE;
import static io.didplatform.contracts.packages.PackageStatus.DISABLED;
import static io.didplatform.packages.command.DomainExceptions.withCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class PackageAggregateTest {
    private static final String ID = "pkg-1";
    private static final PackageCreated CREATED = new PackageCreated(ID, "Gold", 2, List.of("nyc"), "two numbers", ACTIVE);

    private AggregateTestFixture<PackageAggregate> fixture;
    private final PackageCatalog catalog = mock(PackageCatalog.class);
    private final ClientPackageRegistry clientPackages = mock(ClientPackageRegistry.class);
    private final DidUsage usage = mock(DidUsage.class);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PackageAggregate.class);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(clientPackages);
        fixture.registerInjectableResource(usage);
        when(usage.usedBy(any(List.class))).thenReturn(Map.of());
    }

    @Test
    void createsAnActivePackageWithTrimmedDistinctTags() {
        fixture.givenNoPriorActivity()
                .when(new CreatePackage(ID, " Gold ", 2, List.of("nyc", " nyc"), "two numbers", null))
                .expectEvents(CREATED);
    }

    @Test
    void refusesANameAnotherPackageHas() {
        when(catalog.nameTaken("Gold", ID)).thenReturn(true);
        fixture.givenNoPriorActivity()
                .when(new CreatePackage(ID, "Gold", 2, List.of(), null, ACTIVE))
                .expectException(DomainException.class)
                .expectException(withCode("PACKAGE_NAME_TAKEN"));
    }

    @Test
    void refusesANegativeDidLimit() {
        fixture.givenNoPriorActivity()
                .when(new CreatePackage(ID, "Gold", -1, List.of(), null, ACTIVE))
                .expectException(withCode("INVALID_DID_LIMIT"));
    }

    @Test
    void refusesANameLongerThan128() {
        fixture.givenNoPriorActivity()
                .when(new CreatePackage(ID, "x".repeat(129), 1, List.of(), null, ACTIVE))
                .expectException(withCode("INVALID_NAME"));
    }

    @Test
    void refusesATagWithSpacesOrCommas() {
        fixture.givenNoPriorActivity()
                .when(new CreatePackage(ID, "Gold", 1, List.of("new york,nj"), null, ACTIVE))
                .expectException(withCode("INVALID_TAG"));
    }

    @Test
    void refusesMoreThan30DistinctTags() {
        List<String> thirty = IntStream.rangeClosed(1, 30).mapToObj(i -> "t" + i).toList();
        List<String> thirtyOne = IntStream.rangeClosed(1, 31).mapToObj(i -> "t" + i).toList();
        fixture.givenNoPriorActivity()
                .when(new CreatePackage(ID, "Gold", 2, thirtyOne, null, null))
                .expectException(withCode("TOO_MANY_TAGS"));
        fixture.givenNoPriorActivity()
                .when(new CreatePackage(ID, "Gold", 2, Stream.concat(thirty.stream(), thirty.stream()).toList(), null, null))
                .expectEvents(new PackageCreated(ID, "Gold", 2, thirty, null, ACTIVE));
    }

    @Test
    void updatesEveryAttribute() {
        fixture.given(CREATED)
                .when(new UpdatePackage(ID, "Platinum", 5, List.of(), "any tag", DISABLED))
                .expectEvents(new PackageUpdated(ID, "Platinum", 5, List.of(), "any tag", DISABLED));
    }

    @Test
    void anUpdateThatChangesNothingPublishesNothing() {
        fixture.given(CREATED)
                .when(new UpdatePackage(ID, "Gold", 2, List.of("nyc"), "two numbers", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesRenamingToATakenName() {
        when(catalog.nameTaken("Silver", ID)).thenReturn(true);
        fixture.given(CREATED)
                .when(new UpdatePackage(ID, "Silver", 2, List.of("nyc"), null, ACTIVE))
                .expectException(withCode("PACKAGE_NAME_TAKEN"));
    }

    @Test
    void refusesLoweringTheLimitBelowWhatAClientPackageHolds() {
        when(clientPackages.inUse(ID)).thenReturn(List.of("cp-1", "cp-2"));
        when(usage.usedBy(List.of("cp-1", "cp-2"))).thenReturn(Map.of("cp-1", 1, "cp-2", 2));
        fixture.given(CREATED)
                .when(new UpdatePackage(ID, "Gold", 1, List.of("nyc"), "two numbers", ACTIVE))
                .expectException(withCode("DID_LIMIT_BELOW_USAGE"))
                .expectExceptionMessage("Client package cp-2 already holds 2 DIDs, more than the new didLimit 1");
    }

    @Test
    void lowersTheLimitDownToWhatClientPackagesHold() {
        when(clientPackages.inUse(ID)).thenReturn(List.of("cp-1"));
        when(usage.usedBy(List.of("cp-1"))).thenReturn(Map.of("cp-1", 1));
        fixture.given(CREATED)
                .when(new UpdatePackage(ID, "Gold", 1, List.of("nyc"), "two numbers", ACTIVE))
                .expectEvents(new PackageUpdated(ID, "Gold", 1, List.of("nyc"), "two numbers", ACTIVE));
    }

    @Test
    void deletesAPackageNoClientPackageUses() {
        when(clientPackages.inUse(ID)).thenReturn(List.of());
        fixture.given(CREATED)
                .when(new DeletePackage(ID))
                .expectEvents(new PackageDeleted(ID))
                .expectMarkedDeleted();
    }

    @Test
    void refusesDeletingAPackageInUse() {
        when(clientPackages.inUse(anyString())).thenReturn(List.of("cp-1"));
        fixture.given(CREATED)
                .when(new DeletePackage(ID))
                .expectException(withCode("PACKAGE_IN_USE"));
    }
}
