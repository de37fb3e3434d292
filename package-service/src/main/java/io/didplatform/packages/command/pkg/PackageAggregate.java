package io.didplatform.packages.command.pkg;

import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageDeleted;
import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.contracts.packages.PackageUpdated;
import io.didplatform.packages.command.lookup.ClientPackageRegistry;
import io.didplatform.packages.command.lookup.PackageCatalog;
import io.didplatform.packages.usage.DidUsage;
import io.didplatform.support.web.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** A product: how many DIDs a client may pick, with which tags, and whether it may be given to new clients. */
@Aggregate
public class PackageAggregate {
    @AggregateIdentifier
    private String packageId;
    private String name;
    private int didLimit;
    private List<String> tags;
    private String description;
    private PackageStatus status;

    protected PackageAggregate() {
        // for Axon
    }

    @CommandHandler
    public PackageAggregate(CreatePackage command, PackageCatalog catalog) {
        String name = PackageRules.name(command.name());
        requireUniqueName(name, command.packageId(), catalog);
        apply(new PackageCreated(command.packageId(), name, PackageRules.didLimit(command.didLimit()),
                PackageRules.tags(command.tags()), command.description(),
                command.status() == null ? PackageStatus.ACTIVE : command.status()));
    }

    @CommandHandler
    void handle(UpdatePackage command, PackageCatalog catalog, ClientPackageRegistry clientPackages, DidUsage usage) {
        String newName = PackageRules.name(command.name());
        int newLimit = PackageRules.didLimit(command.didLimit());
        List<String> newTags = PackageRules.tags(command.tags());
        PackageStatus newStatus = command.status() == null ? status : command.status();
        if (!newName.equalsIgnoreCase(name)) {
            requireUniqueName(newName, packageId, catalog);
        }
        if (newLimit < didLimit) {
            requireNoClientPackageAbove(newLimit, usage.usedBy(clientPackages.inUse(packageId)));
        }
        if (newName.equals(name) && newLimit == didLimit && newTags.equals(tags)
                && Objects.equals(command.description(), description) && newStatus == status) {
            return;
        }
        apply(new PackageUpdated(packageId, newName, newLimit, newTags, command.description(), newStatus));
    }

    @CommandHandler
    void handle(DeletePackage command, PackageCatalog catalog, ClientPackageRegistry clientPackages) {
        // the lock keeps a client package from being created while this one checks and goes
        catalog.lockAndFind(packageId);
        List<String> users = clientPackages.inUse(packageId);
        if (!users.isEmpty()) {
            throw DomainException.conflict("PACKAGE_IN_USE", "Package " + packageId + " is used by " + users.size()
                    + " client package(s), e.g. " + users.get(0) + "; terminate them first");
        }
        apply(new PackageDeleted(packageId));
    }

    private static void requireUniqueName(String name, String packageId, PackageCatalog catalog) {
        if (catalog.nameTaken(name, packageId)) {
            throw DomainException.conflict("PACKAGE_NAME_TAKEN", "A package named '" + name + "' already exists");
        }
    }

    private static void requireNoClientPackageAbove(int newLimit, Map<String, Integer> usedByClientPackage) {
        usedByClientPackage.entrySet().stream()
                .filter(used -> used.getValue() > newLimit)
                .findFirst()
                .ifPresent(used -> {
                    throw DomainException.conflict("DID_LIMIT_BELOW_USAGE", "Client package " + used.getKey()
                            + " already holds " + used.getValue() + " DIDs, more than the new didLimit " + newLimit);
                });
    }

    @EventSourcingHandler
    void on(PackageCreated event) {
        packageId = event.packageId();
        name = event.name();
        didLimit = event.didLimit();
        tags = event.tags();
        description = event.description();
        status = event.status();
    }

    @EventSourcingHandler
    void on(PackageUpdated event) {
        name = event.name();
        didLimit = event.didLimit();
        tags = event.tags();
        description = event.description();
        status = event.status();
    }

    @EventSourcingHandler
    void on(PackageDeleted event) {
        markDeleted();
    }
}
