package io.didplatform.audit.query;

import io.didplatform.support.kafka.InboundEvent;
import io.didplatform.support.web.PageResponse;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only log of every event received. The event id is the primary key, so a redelivered or
 * re-sent event is stored once.
 */
@Component
public class AuditLog {
    private static final RowMapper<AuditEventResponse> ROW = (rs, i) -> new AuditEventResponse(
            rs.getString("event_id"), rs.getString("type"), rs.getString("source"), rs.getString("subject"),
            rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("correlation_id"),
            rs.getString("causation_id"), rs.getString("topic"));

    private final NamedParameterJdbcTemplate jdbc;

    AuditLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event unless it is already stored; true when it was new. */
    public boolean append(InboundEvent event, String topic) {
        Instant at = event.time() == null ? Instant.now() : event.time();
        return jdbc.update("""
                insert into audit_event (event_id, type, source, subject, actor, occurred_at, correlation_id,
                                         causation_id, topic, data, cloud_event)
                values (:id, :type, :source, :subject, :actor, :at, :correlation, :causation, :topic,
                        cast(:data as jsonb), cast(:raw as jsonb))
                on conflict (event_id) do nothing
                """, new MapSqlParameterSource()
                .addValue("id", event.id()).addValue("type", event.type()).addValue("source", event.source())
                .addValue("subject", event.subject()).addValue("actor", event.actor())
                .addValue("at", Timestamp.from(at)).addValue("correlation", event.correlationId())
                .addValue("causation", event.causationId()).addValue("topic", topic)
                .addValue("data", event.data().isEmpty() ? "null" : event.data()).addValue("raw", event.raw())) == 1;
    }

    public PageResponse<AuditEventResponse> events(AuditEventFilter filter, Pageable pageable) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (filter.type() != null) {
            // "DidHeld" matches did.DidHeld.v1; a full type matches itself
            conditions.add("(type = :type or type like :typeName)");
            params.addValue("type", filter.type()).addValue("typeName", "%." + filter.type() + ".v%");
        }
        addEquals(conditions, params, "subject", filter.subject());
        addEquals(conditions, params, "actor", filter.actor());
        addEquals(conditions, params, "correlation_id", filter.correlationId());
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
            params.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
            params.addValue("to", Timestamp.from(filter.to()));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where, params, Long.class);
        params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<AuditEventResponse> rows = jdbc.query("select * from audit_event" + where
                + " order by occurred_at desc, seq desc limit :limit offset :offset", params, ROW);
        return PageResponse.of(new PageImpl<>(rows, pageable, total == null ? 0 : total), row -> row);
    }

    private static void addEquals(List<String> conditions, MapSqlParameterSource params, String column, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = :" + column);
            params.addValue(column, value);
        }
    }
}
