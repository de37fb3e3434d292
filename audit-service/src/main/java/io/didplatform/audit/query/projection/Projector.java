package io.didplatform.audit.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.support.kafka.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes every projection of one stored event: the entity's history entry, its current fields, and for a DID
 * a new version. Events of one entity are applied in log order (Kafka keeps them in order per aggregate);
 * an event at or before the entity's last applied position is skipped, so applying it again changes nothing.
 * Nothing here depends on events of other entities, so the interleaving across topics does not matter:
 * which event caused an entry is resolved when the history is read.
 */
@Component
public class Projector {
    /** Taken by every transaction that writes projections, so a rebuild never interleaves with live events. */
    private static final long PROJECTION_LOCK = 0x6175646974L;
    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final CloudEventCodec codec;
    private final ObjectMapper json;
    private final DidVersions didVersions;

    Projector(NamedParameterJdbcTemplate jdbc, CloudEventCodec codec, ObjectMapper json, DidVersions didVersions) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.json = json;
        this.didVersions = didVersions;
    }

    /** Serialises writers of the projections until the current transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock() {
        jdbc.getJdbcTemplate().query("select pg_advisory_xact_lock(?)", rs -> null, PROJECTION_LOCK);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void project(StoredEvent stored) {
        Object payload;
        try {
            payload = codec.payloadOf(stored.event());
        } catch (InvalidEventException e) {
            log.warn("Event {} kept in the log but not projected: {}", stored.event().id(), e.getMessage());
            return;
        }
        if (payload != null) {
            Transitions.of(payload).ifPresent(transition -> apply(stored, transition));
        }
    }

    private void apply(StoredEvent stored, Transition transition) {
        MapSqlParameterSource entity = new MapSqlParameterSource()
                .addValue("kind", transition.kind().name()).addValue("id", transition.entityId());
        List<EntityState> current = jdbc.query("select state, last_seq from entity_state where kind = :kind and entity_id = :id",
                entity, (rs, i) -> new EntityState(read(rs.getString("state")), rs.getLong("last_seq")));
        Map<String, Object> before = current.isEmpty() ? Map.of() : current.get(0).fields();
        if (!current.isEmpty() && current.get(0).lastSeq() >= stored.seq()) {
            return;
        }
        Map<String, Object> after = transition.fields().apply(before);
        Map<String, Change> changes = diff(before, after);
        changes.putAll(transition.statedChanges());

        var event = stored.event();
        jdbc.update("""
                insert into history_entry (event_id, seq, kind, entity_id, type, occurred_at, actor, causation_id, changes)
                values (:eventId, :seq, :kind, :id, :type, :at, :actor, :causation, cast(:changes as jsonb))
                on conflict (event_id) do nothing
                """, new MapSqlParameterSource(entity.getValues())
                .addValue("eventId", event.id()).addValue("seq", stored.seq()).addValue("type", event.type())
                .addValue("at", Timestamp.from(event.time())).addValue("actor", event.actor())
                .addValue("causation", event.causationId()).addValue("changes", write(changes)));
        jdbc.update("""
                insert into entity_state (kind, entity_id, state, last_seq) values (:kind, :id, cast(:state as jsonb), :seq)
                on conflict (kind, entity_id) do update set state = excluded.state, last_seq = excluded.last_seq
                """, new MapSqlParameterSource(entity.getValues())
                .addValue("state", write(after)).addValue("seq", stored.seq()));
        if (transition.kind() == EntityKind.DID && !before.equals(after)) {
            didVersions.next(transition.entityId(), stored, after);
        }
    }

    /** Every field whose value differs, by name; absent and null are the same. */
    static Map<String, Change> diff(Map<String, Object> before, Map<String, Object> after) {
        Set<String> names = new HashSet<>(before.keySet());
        names.addAll(after.keySet());
        Map<String, Change> changes = new TreeMap<>();
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changes.put(name, new Change(before.get(name), after.get(name)));
            }
        }
        return changes;
    }

    private Map<String, Object> read(String fields) {
        try {
            return json.readValue(fields, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable entity state", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    private record EntityState(Map<String, Object> fields, long lastSeq) {
    }
}
