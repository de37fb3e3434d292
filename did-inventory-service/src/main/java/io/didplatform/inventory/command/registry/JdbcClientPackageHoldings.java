package io.didplatform.inventory.command.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ClientPackageHoldings} on PostgreSQL ({@code client_package_state}, {@code did_holding}), plus what the
 * hold cascade needs: recording a package's state change (with a version, so a cascade knows whether it is
 * still the latest) and listing a package's DIDs.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class JdbcClientPackageHoldings implements ClientPackageHoldings {
    private static final Object TRANSACTION_STATE = JdbcClientPackageHoldings.class.getName() + ".transaction";

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

    /**
     * A hold cascade sends hundreds of DIDs' commands in one transaction, all for the same package: the lock is
     * taken once per transaction and its state remembered until the transaction ends.
     */
    @Override
    public PackageState lockState(String clientPackageId) {
        return thisTransaction().lockedStates.computeIfAbsent(clientPackageId, this::lockAndRead);
    }

    private PackageState lockAndRead(String clientPackageId) {
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

    /**
     * What this class keeps for the current transaction: the package states it locked, and the hold ends it
     * still has to write (one statement for the whole transaction, just before it commits).
     */
    private final class TransactionState implements TransactionSynchronization {
        final Map<String, PackageState> lockedStates = new HashMap<>();
        final Map<String, Instant> holdEnds = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            writeHoldEnds(this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TRANSACTION_STATE);
        }
    }

    private TransactionState thisTransaction() {
        Object bound = TransactionSynchronizationManager.getResource(TRANSACTION_STATE);
        if (bound != null) {
            return (TransactionState) bound;
        }
        TransactionState state = new TransactionState();
        TransactionSynchronizationManager.bindResource(TRANSACTION_STATE, state);
        TransactionSynchronizationManager.registerSynchronization(state);
        return state;
    }

    /** Writes the hold ends recorded so far in this transaction: before commit, and before other writes of holdings. */
    private void writeHoldEnds(TransactionState state) {
        if (state.holdEnds.isEmpty()) {
            return;
        }
        String[] numbers = state.holdEnds.keySet().toArray(String[]::new);
        Timestamp[] ends = state.holdEnds.values().stream().map(end -> end == null ? null : Timestamp.from(end))
                .toArray(Timestamp[]::new);
        state.holdEnds.clear();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    update did_holding h set hold_until = e.hold_until
                    from unnest(?::varchar[], ?::timestamptz[]) as e(number, hold_until) where h.number = e.number""");
            statement.setArray(1, connection.createArrayOf("varchar", numbers));
            statement.setArray(2, connection.createArrayOf("timestamptz", ends));
            return statement;
        });
    }

    @Override
    public void hold(String number, String clientPackageId) {
        writeHoldEnds(thisTransaction());
        jdbc.update("""
                insert into did_holding (number, client_package_id) values (?, ?)
                on conflict (number) do update set client_package_id = excluded.client_package_id, hold_until = null""",
                number, clientPackageId);
    }

    /** Recorded with the transaction's other hold ends, in one statement when it commits. */
    @Override
    public void holdUntil(String number, Instant until) {
        thisTransaction().holdEnds.put(number, until);
    }

    /** Up to {@code limit} DIDs whose hold ended by {@code now}, earliest first. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<String> holdsEndedBy(Instant now, int limit) {
        return jdbc.queryForList("select number from did_holding where hold_until <= ? order by hold_until limit ?",
                String.class, Timestamp.from(now), limit);
    }

    @Override
    public void release(String number) {
        writeHoldEnds(thisTransaction());
        jdbc.update("delete from did_holding where number = ?", number);
    }

    /**
     * Records that the client package became active, inactive or terminated (terminated stays terminated) and
     * returns the new state; the row stays locked until the transaction ends.
     */
    public StateChange change(String clientPackageId, PackageState state, Instant at) {
        StateChange change = jdbc.queryForObject("""
                insert into client_package_state (client_package_id, active, terminated, changed_at, version, cascaded_version)
                values (?, ?, ?, ?, 1, 0)
                on conflict (client_package_id) do update set
                    active = excluded.active and not client_package_state.terminated,
                    terminated = client_package_state.terminated or excluded.terminated,
                    changed_at = excluded.changed_at, version = client_package_state.version + 1
                returning active, terminated, changed_at, version, cascaded_version""",
                (row, i) -> stateChange(clientPackageId, row),
                clientPackageId, state == PackageState.ACTIVE, state == PackageState.TERMINATED, Timestamp.from(at));
        thisTransaction().lockedStates.put(clientPackageId, change.state());
        return change;
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
     * those not on hold, for an active one those on hold (a DID is on hold exactly while its hold's end is
     * recorded), for a terminated one all. Each DID's own command still decides; this only spares the others.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<String> numbersToFollow(String clientPackageId, PackageState state) {
        String onHold = switch (state) {
            case ACTIVE -> " and hold_until is not null";
            case INACTIVE -> " and hold_until is null";
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
