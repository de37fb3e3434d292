package io.didplatform.inventory.query.did;

import io.didplatform.contracts.inventory.DidStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads of the holds that end soon ("holds ahead"): the DIDs on HOLD whose hold ends before a
 * time, by client and client package, with the status each takes then, so staff can reactivate a package in time.
 */
@Component
public class HoldsAhead {
    /** The most DIDs one answer lists (the CSV export has them all). */
    public static final int MAX_LISTED = 5000;

    private final JdbcTemplate jdbc;

    HoldsAhead(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A DID on HOLD: when the hold ends and what the DID becomes then. */
    public record HeldDid(String number, Instant holdUntil, DidStatus afterHoldStatus, String tag) {
    }

    /** One client package's DIDs whose hold ends soon, earliest end first. */
    public record ClientPackageHolds(String clientId, String clientPackageId, Instant firstHoldEnd, List<HeldDid> dids) {
    }

    /** The groups, by client and client package; {@code truncated} when more than {@link #MAX_LISTED} DIDs match. */
    public record HoldsAheadResponse(Instant endingBefore, int total, boolean truncated, List<ClientPackageHolds> groups) {
    }

    /** A held DID with its client and package, as one row of the list or export. */
    public record HeldRow(String clientId, String clientPackageId, HeldDid did) {
    }

    public HoldsAheadResponse endingBefore(Instant before) {
        List<HeldRow> rows = new ArrayList<>();
        each(before, MAX_LISTED + 1, rows::add);
        boolean truncated = rows.size() > MAX_LISTED;
        List<HeldRow> listed = truncated ? rows.subList(0, MAX_LISTED) : rows;
        List<ClientPackageHolds> groups = new ArrayList<>();
        int from = 0;
        while (from < listed.size()) {
            HeldRow first = listed.get(from);
            int to = from;
            List<HeldDid> dids = new ArrayList<>();
            while (to < listed.size() && sameGroup(first, listed.get(to))) {
                dids.add(listed.get(to++).did());
            }
            groups.add(new ClientPackageHolds(first.clientId(), first.clientPackageId(),
                    dids.stream().map(HeldDid::holdUntil).min(Instant::compareTo).orElseThrow(), dids));
            from = to;
        }
        return new HoldsAheadResponse(before, listed.size(), truncated, groups);
    }

    /** Every DID on HOLD whose hold ends before {@code before}, by client, client package, hold end, number. */
    public void each(Instant before, int limit, Consumer<HeldRow> row) {
        jdbc.query("""
                select number, client_id, client_package_id, hold_until, after_hold_status, tag from did_view
                where status = 'HOLD' and hold_until < ?
                order by client_id, client_package_id, hold_until, number limit ?""",
                result -> {
                    row.accept(heldRow(result));
                }, Timestamp.from(before), limit);
    }

    private static boolean sameGroup(HeldRow a, HeldRow b) {
        return Objects.equals(a.clientId(), b.clientId()) && Objects.equals(a.clientPackageId(), b.clientPackageId());
    }

    private static HeldRow heldRow(ResultSet row) throws SQLException {
        return new HeldRow(row.getString(2), row.getString(3), new HeldDid(row.getString(1),
                instant(row.getTimestamp(4)), DidStatus.valueOf(row.getString(5)), row.getString(6)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
