package io.didplatform.audit.query;

import io.didplatform.support.jdbc.ColumnBatch;
import io.didplatform.support.jdbc.SqlOrder;
import io.didplatform.audit.query.chain.AuditChain;
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
            rs.getString("causation_id"), rs.getString("topic"), rs.getString("data"), rs.getString("stream"),
            (Long) rs.getObject("stream_seq"), rs.getString("prev_hash"), rs.getString("hash"));

    private static final SqlOrder ORDER = new SqlOrder(Map.of("at", "occurred_at", "type", "type",
            "subject", "subject", "actor", "actor", "source", "source"), "occurred_at desc, seq desc", "seq");

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;

    AuditLog(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        // PostgreSQL streams rows with a cursor only inside a transaction and with a fetch size
        cursor.setFetchSize(STREAM_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
    }

    /**
     * Stores, in one statement, the events of the batch that {@code links} chains (those not stored yet, each once),
     * in the order given, with their links; returns them with their positions in the log.
     *
     * @throws IllegalStateException when one was stored meanwhile after all: the transaction must not commit a
     *                               head that moved past it
     */
    public List<StoredEvent> append(List<AuditIngest.Received> batch, Map<String, AuditChain.Link> links) {
        if (links.isEmpty()) {
            return List.of();
        }
        Map<String, InboundEvent> byId = new HashMap<>();
        ColumnBatch rows = new ColumnBatch("text", "text", "text", "text", "text", "text", "text", "text", "text",
                "text", "text", "text", "int8", "text", "text");
        for (AuditIngest.Received received : batch) {
            InboundEvent e = received.event();
            AuditChain.Link link = links.get(e.id());
            if (link != null && byId.putIfAbsent(e.id(), e) == null) {
                rows.add(e.id(), e.type(), e.source(), e.subject(), e.actor(), e.time().toString(), e.correlationId(),
                        e.causationId(), received.topic(), e.data().isEmpty() ? null : e.data(), e.raw(),
                        link.stream(), link.streamSeq(), link.prevHash(), link.hash());
            }
        }
        // the columns are unnested in the order given (ordinality), so log positions follow it
        List<StoredEvent> stored = jdbc.getJdbcTemplate().query(rows.statement("""
                insert into audit_event (event_id, type, source, subject, actor, occurred_at, correlation_id,
                                         causation_id, topic, data, cloud_event, stream, stream_seq, prev_hash, hash)
                select event_id, type, source, subject, actor, cast(occurred_at as timestamptz), correlation_id,
                       causation_id, topic, cast(data as jsonb), cast(cloud_event as jsonb), stream, stream_seq,
                       prev_hash, hash
                from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) with ordinality
                     as r(event_id, type, source, subject, actor, occurred_at, correlation_id, causation_id, topic, data,
                          cloud_event, stream, stream_seq, prev_hash, hash, n)
                order by n
                on conflict (event_id) do nothing
                returning event_id, seq
                """), (rs, i) -> new StoredEvent(rs.getLong("seq"), byId.get(rs.getString("event_id"))));
        if (stored.size() != links.size()) {
            throw new IllegalStateException("chained " + links.size() + " events but stored " + stored.size()
                    + ": another writer stored some meanwhile; the batch is tried again");
        }
        return stored.stream().sorted(Comparator.comparingLong(StoredEvent::seq)).toList();
    }

    public PageResponse<AuditEventResponse> events(AuditEventFilter filter, Pageable pageable) {
        SqlFilter where = where(filter);
        MapSqlParameterSource params = where.params();
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where.clause(), params, Long.class);
        params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<AuditEventResponse> rows = jdbc.query("select * from audit_event" + where.clause()
                + ORDER.of(pageable.getSort()) + " limit :limit offset :offset", params, ROW);
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
