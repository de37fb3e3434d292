package io.didplatform.inventory.command.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ClientPackageHoldings} on PostgreSQL ({@code client_package_state}, {@code did_holding}), plus what the
 * hold cascade needs: recording a package's state change (with a version, so a cascade knows whether it is
 * still the latest) and listing a package's DIDs.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class JdbcClientPackageHoldings implements ClientPackageHoldings {
    private final JdbcTemplate jdbc;

    JdbcClientPackageHoldings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A client package's state as the last package event set it; {@code version} counts the changes. */
    public record StateChange(String clientPackageId, PackageState state, Instant changedAt, long version,
                              long cascadedVersion) {

        public boolean cascaded() {
            return cascadedVersion >= version;
        }
    }

    @Override
    public PackageState lockState(String clientPackageId) {
        List<PackageState> known = lockedState(clientPackageId);
        if (!known.isEmpty()) {
            return known.get(0);
        }
        // an unknown package gets its row now: the row lock is what a racing state change must wait for
        jdbc.update("""
                insert into client_package_state (client_package_id, active, terminated, changed_at, version, cascaded_version)
                values (?, true, false, now(), 0, 0) on conflict do nothing""", clientPackageId);
        return lockedState(clientPackageId).get(0);
    }

    private List<PackageState> lockedState(String clientPackageId) {
        return jdbc.query("select active, terminated from client_package_state where client_package_id = ? for share",
                (row, i) -> state(row.getBoolean(1), row.getBoolean(2)), clientPackageId);
    }

    @Override
    public void hold(String number, String clientPackageId) {
        jdbc.update("""
                insert into did_holding (number, client_package_id) values (?, ?)
                on conflict (number) do update set client_package_id = excluded.client_package_id, hold_deadline_id = null""",
                number, clientPackageId);
    }

    @Override
    public void holdDeadline(String number, String deadlineId) {
        jdbc.update("update did_holding set hold_deadline_id = ? where number = ?", deadlineId, number);
    }

    @Override
    public String holdDeadlineOf(String number) {
        return jdbc.queryForList("select hold_deadline_id from did_holding where number = ?", String.class, number)
                .stream().findFirst().orElse(null);
    }

    @Override
    public void release(String number) {
        jdbc.update("delete from did_holding where number = ?", number);
    }

    /**
     * Records that the client package became active, inactive or terminated (terminated stays terminated) and
     * returns the new state; the row stays locked until the transaction ends.
     */
    public StateChange change(String clientPackageId, PackageState state, Instant at) {
        return jdbc.queryForObject("""
                insert into client_package_state (client_package_id, active, terminated, changed_at, version, cascaded_version)
                values (?, ?, ?, ?, 1, 0)
                on conflict (client_package_id) do update set
                    active = excluded.active and not client_package_state.terminated,
                    terminated = client_package_state.terminated or excluded.terminated,
                    changed_at = excluded.changed_at, version = client_package_state.version + 1
                returning active, terminated, changed_at, version, cascaded_version""",
                (row, i) -> stateChange(clientPackageId, row),
                clientPackageId, state == PackageState.ACTIVE, state == PackageState.TERMINATED, Timestamp.from(at));
    }

    /** The client package's latest state change, if inventory heard of the package. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<StateChange> latest(String clientPackageId) {
        return jdbc.query("""
                select active, terminated, changed_at, version, cascaded_version from client_package_state
                where client_package_id = ?""", (row, i) -> stateChange(clientPackageId, row), clientPackageId)
                .stream().findFirst();
    }

    /**
     * The numbers of the client package that the given state may change, in number order: for an inactive package
     * those not on hold, for an active one those on hold (a DID is on hold exactly while its hold's deadline is
     * recorded), for a terminated one all. Each DID's own command still decides; this only spares the others.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<String> numbersToFollow(String clientPackageId, PackageState state) {
        String onHold = switch (state) {
            case ACTIVE -> " and hold_deadline_id is not null";
            case INACTIVE -> " and hold_deadline_id is null";
            case TERMINATED -> "";
        };
        return jdbc.queryForList("select number from did_holding where client_package_id = ?" + onHold + " order by number",
                String.class, clientPackageId);
    }

    /** Marks the cascade of {@code version} done (an older version never overwrites a newer mark). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void cascaded(String clientPackageId, long version) {
        jdbc.update("update client_package_state set cascaded_version = greatest(cascaded_version, ?) where client_package_id = ?",
                version, clientPackageId);
    }

    /** Client packages whose latest change has not been cascaded to their DIDs yet (e.g. the service stopped midway). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<String> awaitingCascade() {
        return jdbc.queryForList("select client_package_id from client_package_state where cascaded_version < version",
                String.class);
    }

    private static StateChange stateChange(String clientPackageId, ResultSet row) throws SQLException {
        return new StateChange(clientPackageId, state(row.getBoolean(1), row.getBoolean(2)), row.getTimestamp(3).toInstant(),
                row.getLong(4), row.getLong(5));
    }

    private static PackageState state(boolean active, boolean terminated) {
        return terminated ? PackageState.TERMINATED : active ? PackageState.ACTIVE : PackageState.INACTIVE;
    }
}
