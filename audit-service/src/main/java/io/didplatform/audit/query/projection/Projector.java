package io.didplatform.audit.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.didplatform.contracts.EventTypes;
import io.didplatform.support.jdbc.ColumnBatch;
import io.didplatform.support.kafka.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Writes every projection of stored events: each event's history entry, its entity's current fields, and for a
 * DID its versions. Events of one entity are applied in log order (Kafka keeps them in order per aggregate); an
 * event at or before the entity's last applied position is skipped, so applying it again changes nothing.
 * Nothing here depends on events of other entities, so the interleaving across topics does not matter: which
 * event caused an entry is resolved when the history is read.
 *
 * <p>A batch is projected with a few statements whatever its size: the touched entities' fields are read at
 * once, the events applied in memory, and each table's new rows written by one statement (a {@link ColumnBatch}).
 */
@Component
public class Projector {
    /**
     * The PostgreSQL advisory lock of the projections: live batches take it shared, a rebuild exclusive, so a
     * rebuild never interleaves with live events. Live batches run side by side: each entity's events come from
     * one partition (its aggregate's key), which one listener thread consumes batch after batch, so concurrent
     * batches touch different entities; a batch redelivered to another thread after a rebalance waits on the log's
     * primary key for the first one's events, then reads the states that one left.
     */
    public static final long PROJECTION_LOCK = 0x6175646974L;
    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    /** Reads payloads as the codec does: published events only gain fields, unknown ones are ignored. */
    private final ObjectMapper payloads;
    private final DidVersions didVersions;
    /**
     * The contract class of each event type (empty: not known to this version of the contracts), looked up once:
     * {@link EventTypes#classOf} tries each contract package in turn, a miss searching the class path.
     */
    private final Map<String, Optional<Class<?>>> contracts = new ConcurrentHashMap<>();

    Projector(JdbcTemplate jdbc, ObjectMapper json, DidVersions didVersions) {
        this.jdbc = jdbc;
        this.json = json;
        this.payloads = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.didVersions = didVersions;
    }

    /** For live batches: waits while a rebuild runs, and keeps one from starting, until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockShared() {
        jdbc.query("select pg_advisory_xact_lock_shared(?)", rs -> null, PROJECTION_LOCK);
    }

    /** For a rebuild: waits for the live batches in progress, and keeps others out, until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockExclusive() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, PROJECTION_LOCK);
    }

    /**
     * What each event does to its entity, worked out from the events alone (payload read, transition chosen), so
     * it can be done before the lock is taken.
     */
    public Prepared prepare(List<InboundEvent> events) {
        Map<String, Transition> transitions = new HashMap<>();
        for (InboundEvent event : events) {
            if (!transitions.containsKey(event.id())) {
                transitionOf(event).ifPresent(transition -> transitions.put(event.id(), transition));
            }
        }
        return new Prepared(transitions);
    }

    /** The transitions of a batch of events, by event id; events without one (unknown types) are left out. */
    public static final class Prepared {
        private final Map<String, Transition> transitions;

        private Prepared(Map<String, Transition> transitions) {
            this.transitions = transitions;
        }
    }

    /** Projects the events, given in log order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void project(List<StoredEvent> events) {
        project(events, prepare(events.stream().map(StoredEvent::event).toList()));
    }

    /** Projects the events, given in log order, with their {@link #prepare prepared} transitions. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void project(List<StoredEvent> events, Prepared prepared) {
        List<Step> steps = new ArrayList<>(events.size());
        for (StoredEvent stored : events) {
            Transition transition = prepared.transitions.get(stored.event().id());
            if (transition != null) {
                steps.add(new Step(stored, transition));
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        Map<EntityKey, EntityState> current = load(steps.stream().map(Step::entity).collect(
                Collectors.toCollection(LinkedHashSet::new)));
        Set<EntityKey> touched = new LinkedHashSet<>();
        ColumnBatch entries = new ColumnBatch("text", "int8", "text", "text", "text", "text", "text", "text", "text");
        List<DidVersions.Version> versions = new ArrayList<>();
        for (Step step : steps) {
            EntityState state = current.getOrDefault(step.entity(), EntityState.NONE);
            if (state.lastSeq() >= step.stored().seq()) {
                continue;
            }
            Map<String, Object> before = state.fields();
            Map<String, Object> after = step.transition().fields().apply(before);
            Map<String, Change> changes = diff(before, after);
            changes.putAll(step.transition().statedChanges());
            var event = step.stored().event();
            entries.add(event.id(), step.stored().seq(), step.entity().kind().name(), step.entity().id(), event.type(),
                    event.time().toString(), event.actor(), event.causationId(), write(changes));
            current.put(step.entity(), new EntityState(after, step.stored().seq()));
            touched.add(step.entity());
            if (step.transition().kind() == EntityKind.DID && !before.equals(after)) {
                versions.add(new DidVersions.Version(step.entity().id(), step.stored(), after));
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        jdbc.update(entries.statement("""
                insert into history_entry (event_id, seq, kind, entity_id, type, occurred_at, actor, causation_id, changes)
                select event_id, seq, kind, entity_id, type, cast(occurred_at as timestamptz), actor, causation_id,
                       cast(changes as jsonb)
                from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)
                     as r(event_id, seq, kind, entity_id, type, occurred_at, actor, causation_id, changes)
                on conflict (seq) do nothing
                """));
        ColumnBatch states = new ColumnBatch("text", "text", "text", "int8");
        touched.forEach(key -> states.add(key.kind().name(), key.id(), write(current.get(key).fields()),
                current.get(key).lastSeq()));
        jdbc.update(states.statement("""
                insert into entity_state (kind, entity_id, state, last_seq)
                select kind, entity_id, cast(state as jsonb), last_seq from unnest(?, ?, ?, ?) as r(kind, entity_id, state, last_seq)
                on conflict (kind, entity_id) do update set state = excluded.state, last_seq = excluded.last_seq
                """));
        didVersions.append(versions);
    }

    private Optional<Transition> transitionOf(InboundEvent event) {
        Optional<Class<?>> type = contracts.computeIfAbsent(event.type(), t -> Optional.ofNullable(EventTypes.classOf(t)));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Transitions.of(payloads.readValue(event.data(), type.get()));
        } catch (IOException e) {
            log.warn("Event {} kept in the log but not projected: payload of {} is unreadable: {}", event.id(),
                    event.type(), e.getMessage());
            return Optional.empty();
        }
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
