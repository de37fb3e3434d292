package io.didplatform.clients.query;

import io.didplatform.contracts.clients.ClientStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "client_view")
class ClientView {
    @Id
    private String id;
    private String name;
    private String email;
    @Enumerated(EnumType.STRING)
    private ClientStatus status;
    private Instant createdAt;
    private Instant updatedAt;

    protected ClientView() {
    }

    ClientView(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    void update(String name, String email, ClientStatus status, Instant at) {
        this.name = name;
        this.email = email;
        this.status = status;
        this.updatedAt = at;
    }

    ClientResponse toResponse() {
        return new ClientResponse(id, name, email, status, createdAt, updatedAt);
    }
}
