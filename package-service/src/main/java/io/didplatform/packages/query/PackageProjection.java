package io.didplatform.packages.query;

import org.springframework.data.domain.Page;
import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageDeleted;
import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.contracts.packages.PackageUpdated;
import io.didplatform.support.web.PageResponse;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** The packages read model. Handlers overwrite by id, so a replayed event changes nothing. */
@Component
@ProcessingGroup("package-view")
public class PackageProjection {
    private final PackageViewRepository packages;

    PackageProjection(PackageViewRepository packages) {
        this.packages = packages;
    }

    @EventHandler
    void on(PackageCreated event, @Timestamp Instant at) {
        PackageView view = packages.findById(event.packageId()).orElseGet(() -> new PackageView(event.packageId(), at));
        view.set(event.name(), event.didLimit(), event.tags(), event.description(), event.status(), at);
        packages.save(view);
    }

    @EventHandler
    void on(PackageUpdated event, @Timestamp Instant at) {
        packages.findById(event.packageId()).ifPresent(view -> {
            view.set(event.name(), event.didLimit(), event.tags(), event.description(), event.status(), at);
            packages.save(view);
        });
    }

    @EventHandler
    void on(PackageDeleted event) {
        packages.deleteById(event.packageId());
    }

    public Optional<PackageResponse> find(String id) {
        return packages.findById(id).map(PackageView::toResponse);
    }

    /** {@code search}: part of the name, any case; null for all. */
    public PageResponse<PackageResponse> list(PackageStatus status, String search, Pageable pageable) {
        boolean named = search != null && !search.isBlank();
        Page<PackageView> page = status == null
                ? named ? packages.findByNameContainingIgnoreCase(search.trim(), pageable) : packages.findAll(pageable)
                : named ? packages.findByStatusAndNameContainingIgnoreCase(status, search.trim(), pageable)
                : packages.findByStatus(status, pageable);
        return PageResponse.of(page, PackageView::toResponse);
    }
}
