package io.didplatform.packages.command.lookup;

import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageDeleted;
import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.contracts.packages.PackageUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import io.didplatform.support.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command side's view of every package: unique names, and what a client package is given. Kept by a
 * subscribing processor, so it changes in the transaction of the command that changed the package.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class PackageCatalog {
    private final JdbcTemplate jdbc;

    PackageCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a client package of this package gets. */
    public record Entry(String packageId, int didLimit, List<String> tags, PackageStatus status) {
    }

    public boolean nameTaken(String name, String exceptPackageId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from package_catalog where lower(name) = lower(?) and not deleted and id <> ?",
                Integer.class, name, exceptPackageId);
        return count != null && count > 0;
    }

    /**
     * The package, locked until the current transaction ends: giving it to a client and deleting it are
     * serialized, so a package cannot be deleted while a client package of it is being created.
     */
    public Optional<Entry> lockAndFind(String packageId) {
        return jdbc.query("select id, did_limit, tags, status from package_catalog where id = ? and not deleted for update",
                (row, i) -> new Entry(row.getString("id"), row.getInt("did_limit"), tagsOf(row.getString("tags")),
                        PackageStatus.valueOf(row.getString("status"))), packageId).stream().findFirst();
    }

    public Optional<Entry> find(String packageId) {
        return jdbc.query("select id, did_limit, tags, status from package_catalog where id = ? and not deleted",
                (row, i) -> new Entry(row.getString("id"), row.getInt("did_limit"), tagsOf(row.getString("tags")),
                        PackageStatus.valueOf(row.getString("status"))), packageId).stream().findFirst();
    }

    @EventHandler
    void on(PackageCreated event) {
        claimingName(event.name(), () -> jdbc.update("""
                insert into package_catalog (id, name, did_limit, tags, status) values (?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """, event.packageId(), event.name(), event.didLimit(), String.join(",", event.tags()),
                event.status().name()));
    }

    @EventHandler
    void on(PackageUpdated event) {
        claimingName(event.name(), () -> jdbc.update(
                "update package_catalog set name = ?, did_limit = ?, tags = ?, status = ? where id = ?",
                event.name(), event.didLimit(), String.join(",", event.tags()), event.status().name(), event.packageId()));
    }

    /** Two commands that both saw a name free: the unique index lets one through and refuses the other here. */
    private static void claimingName(String name, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("PACKAGE_NAME_TAKEN", "A package named '" + name + "' already exists");
        }
    }

    @EventHandler
    void on(PackageDeleted event) {
        jdbc.update("update package_catalog set deleted = true where id = ?", event.packageId());
    }

    private static List<String> tagsOf(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
