package io.didplatform.packages.query;

import io.didplatform.contracts.packages.DeactivationReason;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "client_package_view")
class ClientPackageView {
    @Id
    private String id;
    private String clientId;
    private String packageId;
    private int didLimit;
    private String tags;
    @Enumerated(EnumType.STRING)
    private ClientPackageStatus status;
    @Enumerated(EnumType.STRING)
    private DeactivationReason deactivationReason;
    private Instant startsAt;
    private Instant endsAt;
    private Instant createdAt;
    private Instant updatedAt;

    protected ClientPackageView() {
    }

    ClientPackageView(String id, String clientId, String packageId, int didLimit, List<String> tags, Instant startsAt,
                      Instant endsAt, Instant at) {
        this.id = id;
        this.clientId = clientId;
        this.packageId = packageId;
        this.didLimit = didLimit;
        this.tags = Tags.join(tags);
        this.status = ClientPackageStatus.PENDING;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.createdAt = at;
        this.updatedAt = at;
    }

    void activated(int didLimit, List<String> tags, Instant at) {
        this.didLimit = didLimit;
        this.tags = Tags.join(tags);
        this.status = ClientPackageStatus.ACTIVE;
        this.deactivationReason = null;
        this.updatedAt = at;
    }

    void deactivated(DeactivationReason reason, Instant at) {
        this.status = ClientPackageStatus.INACTIVE;
        this.deactivationReason = reason;
        this.updatedAt = at;
    }

    void terminated(Instant at) {
        this.status = ClientPackageStatus.TERMINATED;
        this.updatedAt = at;
    }

    void packageChanged(int didLimit, List<String> tags, Instant at) {
        this.didLimit = didLimit;
        this.tags = Tags.join(tags);
        this.updatedAt = at;
    }

    String id() {
        return id;
    }

    ClientPackageResponse toResponse(int used) {
        return new ClientPackageResponse(id, clientId, packageId, status, deactivationReason, didLimit, used,
                Tags.split(tags), startsAt, endsAt, createdAt, updatedAt);
    }
}
