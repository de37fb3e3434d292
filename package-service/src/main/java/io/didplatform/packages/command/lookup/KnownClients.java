package io.didplatform.packages.command.lookup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The clients package-service has heard of on {@code client.events}: a package may only be given to one of them. */
@Component
public class KnownClients {
    private final JdbcTemplate jdbc;

    KnownClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(String clientId, String name, String status) {
        jdbc.update("""
                insert into known_client (id, name, status) values (?, ?, ?)
                on conflict (id) do update set name = excluded.name, status = excluded.status
                """, clientId, name, status);
    }

    public boolean exists(String clientId) {
        Integer count = jdbc.queryForObject("select count(*) from known_client where id = ?", Integer.class, clientId);
        return count != null && count > 0;
    }
}
