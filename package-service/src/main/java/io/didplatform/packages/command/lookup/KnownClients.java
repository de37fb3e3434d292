package io.didplatform.packages.command.lookup;

import io.didplatform.contracts.clients.ClientStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The clients package-service has heard of on {@code client.events}: a package may only be given to one of them. */
@Component
public class KnownClients {
    private final JdbcTemplate jdbc;

    KnownClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the client's latest name and status; the row stays locked until the transaction ends. */
    public void upsert(String clientId, String name, String status) {
        jdbc.update("""
                insert into known_client (id, name, status) values (?, ?, ?)
                on conflict (id) do update set name = excluded.name, status = excluded.status
                """, clientId, name, status);
    }

    public boolean exists(String clientId) {
        return status(clientId).isPresent();
    }

    public Optional<ClientStatus> status(String clientId) {
        return jdbc.queryForList("select status from known_client where id = ?", String.class, clientId).stream()
                .findFirst().map(ClientStatus::valueOf);
    }

    /**
     * The client's status once no transaction that changes it is still open: whoever reads it this way after a
     * status change began sees the change.
     */
    public Optional<ClientStatus> settledStatus(String clientId) {
        return jdbc.queryForList("select status from known_client where id = ? for share", String.class, clientId)
                .stream().findFirst().map(ClientStatus::valueOf);
    }
}
