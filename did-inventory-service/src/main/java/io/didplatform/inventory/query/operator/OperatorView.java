package io.didplatform.inventory.query.operator;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "operator_view")
class OperatorView {
    @Id
    private String id;
    private String name;
    private String notes;
    private Instant createdAt;

    protected OperatorView() {
    }

    OperatorView(String id, String name, String notes, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.notes = notes;
        this.createdAt = createdAt;
    }

    void update(String name, String notes) {
        this.name = name;
        this.notes = notes;
    }

    OperatorResponse toResponse() {
        return new OperatorResponse(id, name, notes, createdAt);
    }
}
