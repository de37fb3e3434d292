package io.didplatform.packages.query;

import io.didplatform.contracts.packages.PackageStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "package_view")
class PackageView {
    @Id
    private String id;
    private String name;
    private int didLimit;
    private String tags;
    private String description;
    @Enumerated(EnumType.STRING)
    private PackageStatus status;
    private Instant createdAt;
    private Instant updatedAt;

    protected PackageView() {
    }

    PackageView(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    void set(String name, int didLimit, List<String> tags, String description, PackageStatus status, Instant at) {
        this.name = name;
        this.didLimit = didLimit;
        this.tags = Tags.join(tags);
        this.description = description;
        this.status = status;
        this.updatedAt = at;
    }

    PackageResponse toResponse() {
        return new PackageResponse(id, name, didLimit, Tags.split(tags), description, status, createdAt, updatedAt);
    }
}
