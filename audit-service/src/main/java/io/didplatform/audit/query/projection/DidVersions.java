package io.didplatform.audit.query.projection;

import io.didplatform.support.jdbc.ColumnBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
        String at() {
            return stored.event().time().toString();
        }
    }

    /**
     * Appends versions given in log order: per number, each one ends where the next begins. Two statements
     * whatever the number of versions: one closes each number's open version, one inserts the new ones.
     */
    void append(List<Version> versions) {
        if (versions.isEmpty()) {
            return;
        }
        Map<String, List<Version>> byNumber = new LinkedHashMap<>();
        versions.forEach(v -> byNumber.computeIfAbsent(v.number(), n -> new ArrayList<>()).add(v));
        ColumnBatch closes = new ColumnBatch("text", "text");
        ColumnBatch inserts = new ColumnBatch("text", "int8", "text", "text", "text", "text", "text", "text", "text",
                "text", "text", "text", "text", "text", "text");
        byNumber.forEach((number, chain) -> {
            closes.add(number, chain.get(0).at());
            for (int i = 0; i < chain.size(); i++) {
                Version v = chain.get(i);
                if (!v.fields().isEmpty()) {
                    Map<String, Object> f = v.fields();
                    inserts.add(number, v.stored().seq(), v.stored().event().id(), v.at(),
                            i + 1 < chain.size() ? chain.get(i + 1).at() : null, f.get("status"),
                            f.get("afterHoldStatus"), f.get("operatorId"), f.get("tag"), f.get("notes"), f.get("clientId"),
                            f.get("clientPackageId"), f.get("destination"), f.get("holdUntil"), f.get("holdReason"));
                }
            }
        });
        jdbc.update(closes.statement("""
                update did_version v set valid_to = cast(c.valid_to as timestamptz)
                from unnest(?, ?) as c(number, valid_to)
                where v.number = c.number and v.valid_to is null
                """));
        if (!inserts.isEmpty()) {
            jdbc.update(inserts.statement("""
                    insert into did_version (number, seq, event_id, valid_from, valid_to, status, after_hold_status,
                                             operator_id, tag, notes, client_id, client_package_id, destination,
                                             hold_until, hold_reason)
                    select number, seq, event_id, cast(valid_from as timestamptz), cast(valid_to as timestamptz), status,
                           after_hold_status, operator_id, tag, notes, client_id, client_package_id, destination,
                           cast(hold_until as timestamptz), hold_reason
                    from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                         as r(number, seq, event_id, valid_from, valid_to, status, after_hold_status, operator_id, tag,
                              notes, client_id, client_package_id, destination, hold_until, hold_reason)
                    """));
        }
    }
}
