package io.didplatform.clients.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The client packages client-service has heard of on {@code package.events}: what each allows and whether it is
 * active, and the names of packages. Written only by the package listener, in the transaction that marks the
 * event processed, so it is exactly as current as this service's knowledge of package-service.
 */
@Component
public class ClientPackages {
    private final JdbcTemplate jdbc;

    public ClientPackages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record ClientPackage(String id, String clientId, String packageId, int didLimit, List<String> tags,
                                boolean active) {
    }

    /** Records a client package's terms; {@code activeIfNew} is its state only when it was not known yet. */
    public void upsert(String clientPackageId, String clientId, String packageId, int didLimit, List<String> tags,
                       boolean activeIfNew) {
        jdbc.update("""
                insert into client_package_view (id, client_id, package_id, did_limit, tags, active)
                values (?, ?, ?, ?, ?, ?)
                on conflict (id) do update set did_limit = excluded.did_limit, tags = excluded.tags
                """, clientPackageId, clientId, packageId, didLimit, String.join(",", tags), activeIfNew);
    }

    public void setActive(String clientPackageId, boolean active) {
        jdbc.update("update client_package_view set active = ? where id = ?", active, clientPackageId);
    }

    public void namePackage(String packageId, String name) {
        jdbc.update("insert into package_view (id, name) values (?, ?) on conflict (id) do update set name = excluded.name",
                packageId, name);
    }

    public Optional<ClientPackage> find(String clientPackageId) {
        return jdbc.query("select * from client_package_view where id = ?", (rs, row) -> new ClientPackage(
                rs.getString("id"), rs.getString("client_id"), rs.getString("package_id"), rs.getInt("did_limit"),
                rs.getString("tags").isEmpty() ? List.of() : Arrays.asList(rs.getString("tags").split(",")),
                rs.getBoolean("active")), clientPackageId).stream().findFirst();
    }
}
