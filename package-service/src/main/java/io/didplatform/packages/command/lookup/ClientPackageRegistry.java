package io.didplatform.packages.command.lookup;

import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.ClientPackageTerminated;
import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageDeactivated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Which client packages use which package, kept in the transaction of the command that changed them. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class ClientPackageRegistry {
    private final JdbcTemplate jdbc;

    ClientPackageRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The client packages of this package that were not terminated. */
    public List<String> inUse(String packageId) {
        return jdbc.queryForList("select id from client_package_registry where package_id = ? and not terminated order by id",
                String.class, packageId);
    }

    /** The client packages of this package that are active now. */
    public List<String> activeUnder(String packageId) {
        return jdbc.queryForList("select id from client_package_registry where package_id = ? and active order by id",
                String.class, packageId);
    }

    /** The client's client packages that are active now. */
    public List<String> activeOf(String clientId) {
        return jdbc.queryForList("select id from client_package_registry where client_id = ? and active order by id",
                String.class, clientId);
    }

    /** The client's client packages that were not terminated. */
    public List<String> notTerminatedOf(String clientId) {
        return jdbc.queryForList("select id from client_package_registry where client_id = ? and not terminated order by id",
                String.class, clientId);
    }

    /** The client's client packages that are inactive because the client was suspended. */
    public List<String> suspendedOf(String clientId) {
        return jdbc.queryForList("""
                select id from client_package_registry
                where client_id = ? and not terminated and not active and deactivation_reason = ? order by id
                """, String.class, clientId, DeactivationReason.CLIENT_SUSPENDED.name());
    }

    @EventHandler
    void on(ClientPackageCreated event) {
        jdbc.update("""
                insert into client_package_registry (id, package_id, client_id, active, terminated)
                values (?, ?, ?, false, false) on conflict (id) do nothing
                """, event.clientPackageId(), event.packageId(), event.clientId());
    }

    @EventHandler
    void on(PackageActivated event) {
        jdbc.update("update client_package_registry set active = true, deactivation_reason = null where id = ?", event.clientPackageId());
    }

    @EventHandler
    void on(PackageDeactivated event) {
        jdbc.update("update client_package_registry set active = false, deactivation_reason = ? where id = ?",
                event.reason().name(), event.clientPackageId());
    }

    @EventHandler
    void on(ClientPackageTerminated event) {
        jdbc.update("update client_package_registry set active = false, terminated = true where id = ?",
                event.clientPackageId());
    }
}
