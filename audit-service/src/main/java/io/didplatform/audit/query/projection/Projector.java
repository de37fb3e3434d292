package io.didplatform.audit.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.support.kafka.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes every projection of stored events: each event's history entry, its entity's current fields, and for a
 * DID its versions. Events of one entity are applied in log order (Kafka keeps them in order per aggregate); an
 * event at or before the entity's last applied position is skipped, so applying it again changes nothing.
 * Nothing here depends on events of other entities, so the interleaving across topics does not matter: which
 * event caused an entry is resolved when the history is read.
 *
 * <p>A batch is projected with a few statements whatever its size: the touched entities' fields are read at
 * once, the events applied in memory, and the results written in JDBC batches.
 */
@Component
public class Projector {
    /**
     * The PostgreSQL advisory lock taken by every transaction that writes projections, so a rebuild never
     * interleaves with live events.
     */
    public static final long PROJECTION_LOCK = 0x6175646974L;
    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final CloudEventCodec codec;
    private final ObjectMapper json;
    private final DidVersions didVersions;

    Projector(JdbcTemplate jdbc, CloudEventCodec codec, ObjectMapper json, DidVersions didVersions) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.json = json;
        this.didVersions = didVersions;
    }

    /** Serialises writers of the projections until the current transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, PROJECTION_LOCK);
    }

    /** Projects the events, given in log order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void project(List<StoredEvent> events) {
        List<Step> steps = new ArrayList<>(events.size());
        for (StoredEvent stored : events) {
            transitionOf(stored).ifPresent(transition -> steps.add(new Step(stored, transition)));
        }
        if (steps.isEmpty()) {
            return;
        }
        Map<EntityKey, EntityState> states = load(steps.stream().map(Step::entity).collect(
                Collectors.toCollection(LinkedHashSet::new)));
        Set<EntityKey> touched = new LinkedHashSet<>();
        List<Object[]> entries = new ArrayList<>();
        List<DidVersions.Version> versions = new ArrayList<>();
        for (Step step : steps) {
            EntityState current = states.getOrDefault(step.entity(), EntityState.NONE);
            if (current.lastSeq() >= step.stored().seq()) {
                continue;
            }
            Map<String, Object> before = current.fields();
            Map<String, Object> after = step.transition().fields().apply(before);
            Map<String, Change> changes = diff(before, after);
            changes.putAll(step.transition().statedChanges());
            entries.add(entry(step, changes));
            states.put(step.entity(), new EntityState(after, step.stored().seq()));
            touched.add(step.entity());
            if (step.transition().kind() == EntityKind.DID && !before.equals(after)) {
                versions.add(new DidVersions.Version(step.entity().id(), step.stored(), after));
            }
        }
        jdbc.batchUpdate("""
                insert into history_entry (event_id, seq, kind, entity_id, type, occurred_at, actor, causation_id, changes)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (event_id) do nothing
                """, entries);
        jdbc.batchUpdate("""
                insert into entity_state (kind, entity_id, state, last_seq) values (?, ?, cast(? as jsonb), ?)
                on conflict (kind, entity_id) do update set state = excluded.state, last_seq = excluded.last_seq
                """, touched.stream().map(key -> new Object[]{key.kind().name(), key.id(),
                write(states.get(key).fields()), states.get(key).lastSeq()}).toList());
        didVersions.append(versions);
    }

    private Optional<Transition> transitionOf(StoredEvent stored) {
        try {
            Object payload = codec.payloadOf(stored.event());
            return payload == null ? Optional.empty() : Transitions.of(payload);
        } catch (InvalidEventException e) {
            log.warn("Event {} kept in the log but not projected: {}", stored.event().id(), e.getMessage());
            return Optional.empty();
        }
    }

    private Object[] entry(Step step, Map<String, Change> changes) {
        var event = step.stored().event();
        return new Object[]{event.id(), step.stored().seq(), step.entity().kind().name(), step.entity().id(),
                event.type(), Timestamp.from(event.time()), event.actor(), event.causationId(), write(changes)};
    }

    /** The current fields of the entities, those never seen left out. */
    private Map<EntityKey, EntityState> load(Set<EntityKey> keys) {
        Map<EntityKey, EntityState> states = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select s.kind, s.entity_id, s.state, s.last_seq
                    from entity_state s join unnest(?::text[], ?::text[]) as k(kind, entity_id)
                      on s.kind = k.kind and s.entity_id = k.entity_id
                    """);
            statement.setArray(1, connection.createArrayOf("text", keys.stream().map(k -> k.kind().name()).toArray()));
            statement.setArray(2, connection.createArrayOf("text", keys.stream().map(EntityKey::id).toArray()));
            return statement;
        }, rs -> {
            states.put(new EntityKey(EntityKind.valueOf(rs.getString("kind")), rs.getString("entity_id")),
                    new EntityState(read(rs.getString("state")), rs.getLong("last_seq")));
        });
        return states;
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

    private record EntityKey(EntityKind kind, String id) {
    }

    private record EntityState(Map<String, Object> fields, long lastSeq) {
        static final EntityState NONE = new EntityState(Map.of(), 0);
    }

    private record Step(StoredEvent stored, Transition transition) {
        EntityKey entity() {
            return new EntityKey(transition.kind(), transition.entityId());
        }
    }
}
