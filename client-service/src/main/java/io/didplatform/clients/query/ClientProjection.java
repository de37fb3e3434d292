package io.didplatform.clients.query;

import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientUpdated;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.PageResponse;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The clients read model. Handlers overwrite by id, so a replayed event changes nothing. */
@Component
@ProcessingGroup("client-view")
public class ClientProjection {
    private static final Set<String> SORTABLE = Set.of("name", "email", "status", "createdAt", "updatedAt");
    private final ClientViewRepository clients;

    ClientProjection(ClientViewRepository clients) {
        this.clients = clients;
    }

    @EventHandler
    void on(ClientCreated event, @Timestamp Instant at) {
        ClientView client = clients.findById(event.clientId()).orElseGet(() -> new ClientView(event.clientId(), at));
        client.update(event.name(), event.email(), event.status(), at);
        clients.save(client);
    }

    @EventHandler
    void on(ClientUpdated event, @Timestamp Instant at) {
        clients.findById(event.clientId()).ifPresent(client -> {
            client.update(event.name(), event.email(), event.status(), at);
            clients.save(client);
        });
    }

    public Optional<ClientResponse> find(String id) {
        return clients.findById(id).map(ClientView::toResponse);
    }

    /** {@code search}: part of the name or email, any case; null for all. */
    public PageResponse<ClientResponse> list(String search, Pageable pageable) {
        pageable.getSort().stream().filter(order -> !SORTABLE.contains(order.getProperty())).findFirst().ifPresent(order -> {
            throw DomainException.invalid("INVALID_SORT", "Clients sort by one of " + SORTABLE + ", not '" + order.getProperty() + "'");
        });
        return PageResponse.of(search == null || search.isBlank() ? clients.findAll(pageable)
                : clients.findByNameContainingIgnoreCaseOrEmailContainingIgnoreCase(search.trim(), search.trim(), pageable),
                ClientView::toResponse);
    }
}
