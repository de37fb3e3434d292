package io.didplatform.packages.command.lookup;

import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.ClientPackageTerminated;
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

    @EventHandler
    void on(ClientPackageCreated event) {
        jdbc.update("""
                insert into client_package_registry (id, package_id, client_id, active, terminated)
                values (?, ?, ?, false, false) on conflict (id) do nothing
                """, event.clientPackageId(), event.packageId(), event.clientId());
    }

    @EventHandler
    void on(PackageActivated event) {
        jdbc.update("update client_package_registry set active = true where id = ?", event.clientPackageId());
    }

    @EventHandler
    void on(PackageDeactivated event) {
        jdbc.update("update client_package_registry set active = false where id = ?", event.clientPackageId());
    }

    @EventHandler
    void on(ClientPackageTerminated event) {
        jdbc.update("update client_package_registry set active = false, terminated = true where id = ?",
                event.clientPackageId());
    }
}
