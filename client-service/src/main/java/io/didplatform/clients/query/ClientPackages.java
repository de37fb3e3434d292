package io.didplatform.clients.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The client packages client-service has heard of on {@code package.events}: what each allows and whether it is active. */
@Component
public class ClientPackages {
    private final JdbcTemplate jdbc;

    ClientPackages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(String clientPackageId, String clientId, String packageId, int didLimit, List<String> tags) {
        jdbc.update("""
                insert into client_package_view (id, client_id, package_id, did_limit, tags, active)
                values (?, ?, ?, ?, ?, false)
                on conflict (id) do update set did_limit = excluded.did_limit, tags = excluded.tags
                """, clientPackageId, clientId, packageId, didLimit, String.join(",", tags));
    }

    public void setActive(String clientPackageId, boolean active) {
        jdbc.update("update client_package_view set active = ? where id = ?", active, clientPackageId);
    }
}
