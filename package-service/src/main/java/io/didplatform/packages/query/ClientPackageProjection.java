package io.didplatform.packages.query;

import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.ClientPackageTerminated;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.contracts.packages.PackageUpdated;
import io.didplatform.packages.usage.DidUsage;
import io.didplatform.support.web.PageResponse;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The client packages read model, with each one's DID usage read from {@link DidUsage}. Handlers set state
 * (never add to it), so a replayed event changes nothing.
 */
@Component
@ProcessingGroup("client-package-view")
public class ClientPackageProjection {
    private final ClientPackageViewRepository clientPackages;
    private final DidUsage usage;

    ClientPackageProjection(ClientPackageViewRepository clientPackages, DidUsage usage) {
        this.clientPackages = clientPackages;
        this.usage = usage;
    }

    @EventHandler
    void on(ClientPackageCreated event, @Timestamp Instant at) {
        if (!clientPackages.existsById(event.clientPackageId())) {
            clientPackages.save(new ClientPackageView(event.clientPackageId(), event.clientId(), event.packageId(),
                    event.didLimit(), event.tags(), event.startsAt(), event.endsAt(), at));
        }
    }

    @EventHandler
    void on(PackageActivated event, @Timestamp Instant at) {
        clientPackages.findById(event.clientPackageId()).ifPresent(view -> {
            view.activated(event.didLimit(), event.tags(), at);
            clientPackages.save(view);
        });
    }

    @EventHandler
    void on(PackageDeactivated event, @Timestamp Instant at) {
        clientPackages.findById(event.clientPackageId()).ifPresent(view -> {
            view.deactivated(event.reason(), at);
            clientPackages.save(view);
        });
    }

    @EventHandler
    void on(ClientPackageTerminated event, @Timestamp Instant at) {
        clientPackages.findById(event.clientPackageId()).ifPresent(view -> {
            view.terminated(at);
            clientPackages.save(view);
        });
    }

    /** A client package gets its package's new limit and tags (consumers read them from PackageUpdated). */
    @EventHandler
    void on(PackageUpdated event, @Timestamp Instant at) {
        for (ClientPackageView view : clientPackages.findByPackageIdAndStatusNot(event.packageId(),
                ClientPackageStatus.TERMINATED)) {
            view.packageChanged(event.didLimit(), event.tags(), at);
            clientPackages.save(view);
        }
    }

    public Optional<ClientPackageResponse> find(String id) {
        return clientPackages.findById(id).map(view -> view.toResponse(usage.usedBy(id)));
    }

    public PageResponse<ClientPackageResponse> list(String clientId, String packageId, ClientPackageStatus status,
                                                    Pageable pageable) {
        Specification<ClientPackageView> filter = (root, query, cb) -> cb.conjunction();
        if (clientId != null) {
            filter = filter.and((root, query, cb) -> cb.equal(root.get("clientId"), clientId));
        }
        if (packageId != null) {
            filter = filter.and((root, query, cb) -> cb.equal(root.get("packageId"), packageId));
        }
        if (status != null) {
            filter = filter.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        Page<ClientPackageView> page = clientPackages.findAll(filter, pageable);
        Map<String, Integer> used = usage.usedBy(page.getContent().stream().map(ClientPackageView::id).toList());
        return PageResponse.of(page, view -> view.toResponse(used.getOrDefault(view.id(), 0)));
    }
}
