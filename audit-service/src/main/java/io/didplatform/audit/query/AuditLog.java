package io.didplatform.audit.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.audit.query.projection.StoredEvent;
import io.didplatform.support.kafka.InboundEvent;
import io.didplatform.support.web.PageResponse;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The append-only log of every event received. The event id is the primary key, so a redelivered or
 * re-sent event is stored once.
 */
@Component
public class AuditLog {
    private static final int STREAM_FETCH_SIZE = 1000;
    private static final RowMapper<AuditEventResponse> ROW = (rs, i) -> new AuditEventResponse(
            rs.getString("event_id"), rs.getString("type"), rs.getString("source"), rs.getString("subject"),
            rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("correlation_id"),
            rs.getString("causation_id"), rs.getString("topic"), rs.getString("data"));

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final ObjectMapper json;

    AuditLog(NamedParameterJdbcTemplate jdbc, DataSource dataSource, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        // PostgreSQL streams rows with a cursor only inside a transaction and with a fetch size
        cursor.setFetchSize(STREAM_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
    }

    /**
     * Stores, in one statement, the events not stored yet, in the order given; returns those, with their
     * positions in the log. An event already stored, or given twice, is returned once at most.
     */
    public List<StoredEvent> append(List<AuditIngest.Received> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<String, InboundEvent> byId = new HashMap<>();
        List<LogRow> rows = new ArrayList<>(batch.size());
        for (AuditIngest.Received received : batch) {
            InboundEvent e = received.event();
            byId.putIfAbsent(e.id(), e);
            rows.add(new LogRow(e.id(), e.type(), e.source(), e.subject(), e.actor(), e.time(), e.correlationId(),
                    e.causationId(), received.topic(), e.data().isEmpty() ? "null" : e.data(), e.raw()));
        }
        List<StoredEvent> stored = jdbc.query("""
                insert into audit_event (event_id, type, source, subject, actor, occurred_at, correlation_id,
                                         causation_id, topic, data, cloud_event)
                select event_id, type, source, subject, actor, occurred_at, correlation_id, causation_id, topic, data,
                       cloud_event
                from rows from (jsonb_to_recordset(cast(:rows as jsonb)) as (event_id varchar, type varchar,
                     source varchar, subject varchar, actor varchar, occurred_at timestamptz, correlation_id varchar,
                     causation_id varchar, topic varchar, data jsonb, cloud_event jsonb)) with ordinality
                     as r(event_id, type, source, subject, actor, occurred_at, correlation_id, causation_id, topic, data,
                          cloud_event, n)
                order by n
                on conflict (event_id) do nothing
                returning event_id, seq
                """, new MapSqlParameterSource("rows", json(rows)),
                (rs, i) -> new StoredEvent(rs.getLong("seq"), byId.get(rs.getString("event_id"))));
        return stored.stream().sorted(Comparator.comparingLong(StoredEvent::seq)).toList();
    }

    /** One row of audit_event as JSON; data and cloud_event go in as the JSON they are. */
    private record LogRow(@JsonProperty("event_id") String eventId, String type, String source, String subject,
                          String actor, @JsonProperty("occurred_at") Instant occurredAt,
                          @JsonProperty("correlation_id") String correlationId,
                          @JsonProperty("causation_id") String causationId, String topic,
                          @JsonRawValue String data, @JsonRawValue @JsonProperty("cloud_event") String cloudEvent) {
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the events as JSON", e);
        }
    }

    public PageResponse<AuditEventResponse> events(AuditEventFilter filter, Pageable pageable) {
        SqlFilter where = where(filter);
        MapSqlParameterSource params = where.params();
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where.clause(), params, Long.class);
        params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<AuditEventResponse> rows = jdbc.query("select * from audit_event" + where.clause()
                + " order by occurred_at desc, seq desc limit :limit offset :offset", params, ROW);
        return PageResponse.of(new PageImpl<>(rows, pageable, total == null ? 0 : total), row -> row);
    }

    /** Every event the filter selects, oldest first, read with a cursor so any number of them fits in memory. */
    @Transactional(readOnly = true)
    public void stream(AuditEventFilter filter, Consumer<AuditEventResponse> sink) {
        SqlFilter where = where(filter);
        streaming.query("select * from audit_event" + where.clause() + " order by occurred_at, seq", where.params(),
                (RowCallbackHandler) rs -> sink.accept(ROW.mapRow(rs, 0)));
    }

    private static SqlFilter where(AuditEventFilter filter) {
        SqlFilter where = new SqlFilter();
        if (filter.type() != null && !filter.type().isBlank()) {
            // "DidHeld" matches did.DidHeld.v1; a full type matches itself
            where.and("(type = :type or type like :typeName)", "type", filter.type(),
                    "typeName", "%." + filter.type() + ".v%");
        }
        where.equal("subject", filter.subject()).equal("actor", filter.actor())
                .equal("correlation_id", filter.correlationId());
        if (filter.from() != null) {
            where.and("occurred_at >= :from", "from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.and("occurred_at < :to", "to", Timestamp.from(filter.to()));
        }
        return where;
    }
}
