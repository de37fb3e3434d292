package io.didplatform.packages.command.clientpackage;

import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.ClientPackageTerminated;
import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.packages.command.lookup.KnownClients;
import io.didplatform.packages.command.lookup.PackageCatalog;
import io.didplatform.support.web.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A package given to a client: active or not, from {@code startsAt} (or now) until {@code endsAt} (or for
 * ever), until terminated. Start and end are durable deadlines; activating an active one, or deactivating an
 * inactive one, changes nothing and publishes nothing.
 */
@Aggregate
public class ClientPackageAggregate {
    static final String START = "client-package-start";
    static final String END = "client-package-end";

    @AggregateIdentifier
    private String clientPackageId;
    private String clientId;
    private String packageId;
    private Instant endsAt;
    private boolean active;
    private boolean terminated;

    protected ClientPackageAggregate() {
        // for Axon, also to create one (CreateClientPackage)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    ClientPackageGiven handle(CreateClientPackage command, KnownClients clients, PackageCatalog catalog,
                              DeadlineManager deadlines) {
        Instant now = command.now();
        if (command.endsAt() != null && !command.endsAt().isAfter(now)) {
            throw DomainException.invalid("INVALID_PERIOD", "endsAt " + command.endsAt() + " is not in the future");
        }
        if (command.startsAt() != null && command.endsAt() != null && !command.endsAt().isAfter(command.startsAt())) {
            throw DomainException.invalid("INVALID_PERIOD", "endsAt must be after startsAt");
        }
        requireActive(command.clientId(), clients.status(command.clientId()).orElseThrow(
                () -> DomainException.notFound("CLIENT_NOT_FOUND", "No client " + command.clientId())));
        PackageCatalog.Entry pkg = activePackage(catalog.lockAndFind(command.packageId()).orElseThrow(
                () -> DomainException.notFound("PACKAGE_NOT_FOUND", "No package " + command.packageId())));
        apply(new ClientPackageCreated(command.clientPackageId(), command.clientId(), pkg.packageId(), pkg.didLimit(),
                pkg.tags(), command.startsAt(), command.endsAt()));
        if (command.startsAt() == null || !command.startsAt().isAfter(now)) {
            apply(activated(pkg));
        } else {
            deadlines.schedule(command.startsAt(), START, new StartDue(clientPackageId));
        }
        if (command.endsAt() != null) {
            deadlines.schedule(command.endsAt(), END, new EndDue(clientPackageId));
        }
        return new ClientPackageGiven(pkg.didLimit(), pkg.tags(), active);
    }

    @CommandHandler
    ActivationState handle(ActivateClientPackage command, PackageCatalog catalog, KnownClients clients) {
        requireNotTerminated();
        if (active) {
            return new ActivationState(true, false);
        }
        clients.status(clientId).ifPresent(status -> requireActive(clientId, status));
        if (endsAt != null && !endsAt.isAfter(command.now())) {
            throw DomainException.conflict("CLIENT_PACKAGE_ENDED", "Client package " + clientPackageId + " ended at " + endsAt);
        }
        PackageCatalog.Entry pkg = activePackage(catalog.find(packageId).orElseThrow(
                () -> DomainException.conflict("PACKAGE_NOT_ACTIVE", "Package " + packageId + " no longer exists")));
        apply(activated(pkg));
        return new ActivationState(true, true);
    }

    @CommandHandler
    void handle(ResumeClientPackage command, PackageCatalog catalog, KnownClients clients) {
        if (active || terminated || (endsAt != null && !endsAt.isAfter(command.now()))
                || clients.status(clientId).filter(status -> status == ClientStatus.ACTIVE).isEmpty()) {
            return;
        }
        catalog.find(packageId)
                .filter(pkg -> pkg.status() == PackageStatus.ACTIVE)
                .ifPresent(pkg -> apply(activated(pkg)));
    }

    @CommandHandler
    ActivationState handle(DeactivateClientPackage command) {
        if (terminated && command.reason() != DeactivationReason.MANUAL) {
            return new ActivationState(false, false);
        }
        requireNotTerminated();
        if (!active) {
            return new ActivationState(false, false);
        }
        apply(new PackageDeactivated(clientPackageId, clientId, packageId, command.reason()));
        return new ActivationState(false, true);
    }

    @CommandHandler
    void handle(TerminateClientPackage command, DeadlineManager deadlines) {
        if (terminated) {
            return;
        }
        deadlines.cancelAllWithinScope(START);
        deadlines.cancelAllWithinScope(END);
        apply(new ClientPackageTerminated(clientPackageId, clientId, packageId));
    }

    /**
     * {@code startsAt} came: active from now on, unless it already is, was terminated, its package was disabled,
     * its client is not active, or its end has passed too (both came due while the service was down, and may fire
     * in either order).
     */
    @DeadlineHandler(deadlineName = START)
    void start(StartDue due, PackageCatalog catalog, KnownClients clients, Clock clock) {
        if (active || terminated || (endsAt != null && !endsAt.isAfter(clock.instant()))
                || clients.status(clientId).filter(status -> status != ClientStatus.ACTIVE).isPresent()) {
            return;
        }
        catalog.find(packageId)
                .filter(pkg -> pkg.status() == PackageStatus.ACTIVE)
                .ifPresent(pkg -> apply(activated(pkg)));
    }

    /** {@code endsAt} came: no longer active. */
    @DeadlineHandler(deadlineName = END)
    void end(EndDue due) {
        if (active && !terminated) {
            apply(new PackageDeactivated(clientPackageId, clientId, packageId, DeactivationReason.ENDED));
        }
    }

    private PackageActivated activated(PackageCatalog.Entry pkg) {
        return new PackageActivated(clientPackageId, clientId, pkg.packageId(), pkg.didLimit(), pkg.tags());
    }

    private static PackageCatalog.Entry activePackage(PackageCatalog.Entry pkg) {
        if (pkg.status() != PackageStatus.ACTIVE) {
            throw DomainException.conflict("PACKAGE_NOT_ACTIVE",
                    "Package " + pkg.packageId() + " is " + pkg.status() + " and cannot be given to a client");
        }
        return pkg;
    }

    private static void requireActive(String clientId, ClientStatus status) {
        if (status != ClientStatus.ACTIVE) {
            throw DomainException.conflict("CLIENT_NOT_ACTIVE",
                    "Client " + clientId + " is " + status + ": its packages cannot be given or activated");
        }
    }

    private void requireNotTerminated() {
        if (terminated) {
            throw DomainException.conflict("CLIENT_PACKAGE_TERMINATED", "Client package " + clientPackageId + " was terminated");
        }
    }

    @EventSourcingHandler
    void on(ClientPackageCreated event) {
        clientPackageId = event.clientPackageId();
        clientId = event.clientId();
        packageId = event.packageId();
        endsAt = event.endsAt();
    }

    @EventSourcingHandler
    void on(PackageActivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(PackageDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(ClientPackageTerminated event) {
        active = false;
        terminated = true;
    }
}
