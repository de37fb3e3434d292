package io.didplatform.audit.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DID's versions over time: each change closes the open version at the event's time and, unless the DID
 * was deleted, opens the next one. "As of t" is then one indexed lookup of the version valid at t.
 */
@Component
class DidVersions {
    private final JdbcTemplate jdbc;

    DidVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A DID's fields from an event on; empty fields: the DID was deleted. */
    record Version(String number, StoredEvent stored, Map<String, Object> fields) {
        Timestamp at() {
            return Timestamp.from(stored.event().time());
        }
    }

    /** Appends versions given in log order: per number, each one ends where the next begins. */
    void append(List<Version> versions) {
        Map<String, List<Version>> byNumber = new LinkedHashMap<>();
        versions.forEach(v -> byNumber.computeIfAbsent(v.number(), n -> new ArrayList<>()).add(v));
        List<Object[]> closes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        byNumber.forEach((number, chain) -> {
            closes.add(new Object[]{chain.get(0).at(), number});
            for (int i = 0; i < chain.size(); i++) {
                Version v = chain.get(i);
                if (!v.fields().isEmpty()) {
                    inserts.add(row(v, i + 1 < chain.size() ? chain.get(i + 1).at() : null));
                }
            }
        });
        jdbc.batchUpdate("update did_version set valid_to = ? where number = ? and valid_to is null", closes);
        jdbc.batchUpdate("""
                insert into did_version (number, seq, event_id, valid_from, valid_to, status, after_hold_status,
                                         operator_id, tag, notes, client_id, client_package_id, destination, hold_until,
                                         hold_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, inserts);
    }

    private static Object[] row(Version v, Timestamp validTo) {
        Map<String, Object> f = v.fields();
        Object holdUntil = f.get("holdUntil");
        return new Object[]{v.number(), v.stored().seq(), v.stored().event().id(), v.at(), validTo, f.get("status"),
                f.get("afterHoldStatus"), f.get("operatorId"), f.get("tag"), f.get("notes"), f.get("clientId"),
                f.get("clientPackageId"), f.get("destination"),
                holdUntil == null ? null : Timestamp.from(Instant.parse((String) holdUntil)), f.get("holdReason")};
    }
}
