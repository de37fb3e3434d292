package io.didplatform.audit.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.audit.query.projection.Change;
import io.didplatform.audit.query.projection.EntityKind;
import io.didplatform.support.web.PageResponse;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an entity's history, oldest entry first, with the causing event's type looked up in the log, and for an
 * undo the job it undid (read from the logged event, so the projection keeps nothing more for it).
 */
@Component
public class EntityHistory {
    private static final TypeReference<TreeMap<String, Change>> CHANGES = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    EntityHistory(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The page of entries; empty when the audit never saw the entity. */
    public PageResponse<HistoryEntry> of(EntityKind kind, String id, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource("kind", kind.name()).addValue("id", id);
        Long total = jdbc.queryForObject("select count(*) from history_entry where kind = :kind and entity_id = :id",
                params, Long.class);
        params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<HistoryEntry> entries = jdbc.query("""
                select h.event_id, h.type, h.occurred_at, h.actor, h.changes, h.causation_id, cause.type as cause_type,
                       logged.data ->> 'undoneJobId' as undo_of_job
                from history_entry h left join audit_event cause on cause.event_id = h.causation_id
                left join audit_event logged on logged.event_id = h.event_id
                where h.kind = :kind and h.entity_id = :id
                order by h.seq limit :limit offset :offset
                """, params, entry());
        return PageResponse.of(new PageImpl<>(entries, pageable, total == null ? 0 : total), entry -> entry);
    }

    private RowMapper<HistoryEntry> entry() {
        return (rs, i) -> {
            String causation = rs.getString("causation_id");
            return new HistoryEntry(rs.getString("event_id"), rs.getString("type"),
                    rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), changes(rs.getString("changes")),
                    causation == null ? null : new HistoryEntry.CausedBy(causation, rs.getString("cause_type")),
                    rs.getString("undo_of_job"));
        };
    }

    private Map<String, Change> changes(String stored) {
        try {
            return json.readValue(stored, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history changes", e);
        }
    }
}
