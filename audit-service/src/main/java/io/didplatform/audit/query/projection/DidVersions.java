package io.didplatform.audit.query.projection;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * The DID's versions over time: each change closes the open version at the event's time and, unless the DID
 * was deleted, opens the next one. "As of t" is then one indexed lookup of the version valid at t.
 */
@Component
class DidVersions {
    private final NamedParameterJdbcTemplate jdbc;

    DidVersions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void next(String number, StoredEvent stored, Map<String, Object> fields) {
        Timestamp at = Timestamp.from(stored.event().time());
        jdbc.update("update did_version set valid_to = :at where number = :number and valid_to is null",
                new MapSqlParameterSource("at", at).addValue("number", number));
        if (fields.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into did_version (number, seq, event_id, valid_from, status, after_hold_status, operator_id, tag,
                                         notes, client_id, client_package_id, destination, hold_until, hold_reason)
                values (:number, :seq, :eventId, :at, :status, :afterHoldStatus, :operatorId, :tag, :notes, :clientId,
                        :clientPackageId, :destination, :holdUntil, :holdReason)
                """, new MapSqlParameterSource("number", number)
                .addValue("seq", stored.seq()).addValue("eventId", stored.event().id()).addValue("at", at)
                .addValue("status", fields.get("status")).addValue("afterHoldStatus", fields.get("afterHoldStatus"))
                .addValue("operatorId", fields.get("operatorId")).addValue("tag", fields.get("tag"))
                .addValue("notes", fields.get("notes")).addValue("clientId", fields.get("clientId"))
                .addValue("clientPackageId", fields.get("clientPackageId"))
                .addValue("destination", fields.get("destination"))
                .addValue("holdUntil", fields.get("holdUntil") == null ? null
                        : Timestamp.from(Instant.parse((String) fields.get("holdUntil"))))
                .addValue("holdReason", fields.get("holdReason")));
    }
}
