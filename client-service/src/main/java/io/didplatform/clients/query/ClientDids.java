package io.didplatform.clients.query;

import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.support.web.PageResponse;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The clients' DIDs. Two writers, each owning a part: this service's own events add PENDING rows and remove
 * failed or given-back ones ({@link ClientDidProjection}); inventory's events (read from Kafka) set everything a
 * DID has once assigned: status and destination. Every write is conditional, so either order converges.
 */
@Component
public class ClientDids {
    private static final String PENDING = "PENDING";
    private static final RowMapper<ClientDidResponse> DID = (rs, row) -> new ClientDidResponse(rs.getString("number"),
            rs.getString("status"), rs.getString("client_package_id"), rs.getString("package_name"),
            rs.getString("destination"), rs.getObject("request_id", UUID.class));
    private static final RowMapper<AssignmentRequestResponse> REQUEST = (rs, row) -> new AssignmentRequestResponse(
            rs.getObject("request_id", UUID.class), rs.getString("client_id"), rs.getString("number"),
            rs.getString("client_package_id"), rs.getString("destination"), rs.getString("status"),
            rs.getString("reason"), instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("decided_at")));
    private static final String SELECT_DIDS = """
            select d.*, p.name as package_name from client_did_view d
            left join client_package_view cp on cp.id = d.client_package_id
            left join package_view p on p.id = cp.package_id
            """;

    private final JdbcTemplate jdbc;

    ClientDids(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- written from this service's own events

    void requested(UUID requestId, String clientId, String number, String clientPackageId, String destination,
                   Instant at) {
        jdbc.update("""
                insert into client_did_view (client_id, number, client_package_id, request_id, status, destination, updated_at)
                values (?, ?, ?, ?, 'PENDING', ?, ?) on conflict do nothing
                """, clientId, number, clientPackageId, requestId, destination, Timestamp.from(at));
        jdbc.update("""
                insert into assignment_request_view
                    (request_id, client_id, number, client_package_id, destination, status, requested_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?) on conflict do nothing
                """, requestId, clientId, number, clientPackageId, destination, Timestamp.from(at));
    }

    void decided(UUID requestId, String status, String reason, Instant at) {
        jdbc.update("update assignment_request_view set status = ?, reason = ?, decided_at = ? where request_id = ?",
                status, reason, Timestamp.from(at), requestId);
        if (AssignmentRequestResponse.FAILED.equals(status)) {
            jdbc.update("delete from client_did_view where request_id = ? and status = ?", requestId, PENDING);
        }
    }

    void removed(String clientId, String number) {
        jdbc.update("delete from client_did_view where client_id = ? and number = ? and status <> ?",
                clientId, number, PENDING);
    }

    // --- written from inventory's events

    /** A pending request of the client for the same number stays: a late assignment of a timed-out one is given back. */
    public void assigned(String clientId, String number, String clientPackageId, UUID requestId, String destination) {
        jdbc.update("""
                insert into client_did_view (client_id, number, client_package_id, request_id, status, destination)
                values (?, ?, ?, ?, 'ACTIVE', ?)
                on conflict (client_id, number) do update set status = 'ACTIVE', destination = excluded.destination,
                    client_package_id = excluded.client_package_id, request_id = excluded.request_id, updated_at = now()
                where client_did_view.status <> 'PENDING' or client_did_view.request_id = excluded.request_id
                """, clientId, number, clientPackageId, requestId, destination);
    }

    /** Moves an assigned number from one of {@code from} to {@code to}; a number in another status is left alone. */
    public void statusChanged(String number, List<String> from, String to) {
        jdbc.update("update client_did_view set status = ?, updated_at = now() where number = ? and status = any(?)",
                ps -> {
                    ps.setString(1, to);
                    ps.setString(2, number);
                    ps.setArray(3, ps.getConnection().createArrayOf("varchar", from.toArray()));
                });
    }

    public void routingChanged(String number, String destination) {
        jdbc.update("update client_did_view set destination = ?, updated_at = now() where number = ? and status <> ?",
                destination, number, PENDING);
    }

    /** The client an assigned number belongs to, if any. */
    public Optional<String> holderOf(String number) {
        return jdbc.queryForList("select client_id from client_did_view where number = ? and status <> ?",
                String.class, number, PENDING).stream().findFirst();
    }

    public void released(String number) {
        jdbc.update("delete from client_did_view where number = ? and status <> ?", number, PENDING);
    }

    // --- reads

    public PageResponse<ClientDidResponse> list(String clientId, Pageable pageable) {
        long total = jdbc.queryForObject("select count(*) from client_did_view where client_id = ?", Long.class, clientId);
        List<ClientDidResponse> page = jdbc.query(SELECT_DIDS + " where d.client_id = ? order by d.number limit ? offset ?",
                DID, clientId, pageable.getPageSize(), pageable.getOffset());
        return PageResponse.of(new PageImpl<>(page, pageable, total), did -> did);
    }

    public Optional<ClientDidResponse> find(String clientId, String number) {
        return jdbc.query(SELECT_DIDS + " where d.client_id = ? and d.number = ?", DID, clientId, number)
                .stream().findFirst();
    }

    public Optional<AssignmentRequestResponse> request(String clientId, UUID requestId) {
        return jdbc.query("select * from assignment_request_view where client_id = ? and request_id = ?", REQUEST,
                clientId, requestId).stream().findFirst();
    }

    /**
     * Whether the client's event store holds the request, shown here or not yet: the view follows the store a moment
     * later, longer while it catches up after a database restart.
     */
    public boolean isStored(String clientId, UUID requestId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists(select 1 from domain_event_entry where aggregate_identifier = ? and payload_type = ?
                    and convert_from(payload, 'UTF8')::jsonb ->> 'requestId' = ?)
                """, Boolean.class, clientId, DidAssignmentRequested.class.getName(), requestId.toString()));
    }

    /** The client's newest request of {@code number}, whatever became of it. */
    public Optional<AssignmentRequestResponse> latestRequest(String clientId, String number) {
        return jdbc.query("select * from assignment_request_view where client_id = ? and number = ?"
                + " order by requested_at desc limit 1", REQUEST, clientId, number).stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
