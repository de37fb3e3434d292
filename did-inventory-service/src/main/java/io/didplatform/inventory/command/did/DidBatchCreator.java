package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.inventory.command.registry.JdbcDidRegistry;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast path for creating many DIDs: numbers that never had a DID are claimed in the registry with one
 * statement and their DidCreated events (sequence 0 of each new aggregate) appended to Axon's event store in
 * the same transaction. Still event sourcing: the events are the DIDs' first events, serialised by Axon's own
 * event serializer into Axon's table exactly as its storage engine writes them, and the outbox, the
 * projections and any later command see them like any other. Numbers with a history are returned for the
 * one-by-one command path.
 *
 * <p>The events are written with one multi-row insert per batch rather than through {@code EventStore.publish}:
 * Axon's JPA engine persists entity by entity, fetching each global index from the sequence on its own round
 * trip, so a batch would cost a round trip per DID.
 */
@Component
public class DidBatchCreator {
    /** Axon's type name for {@link DidAggregate}'s events. */
    private static final String AGGREGATE_TYPE = DidAggregate.class.getSimpleName();

    private final JdbcDidRegistry registry;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate transaction;
    private final Cache aggregates;

    DidBatchCreator(JdbcDidRegistry registry, JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                    TransactionTemplate transaction, @Qualifier("didAggregateCache") Cache aggregates) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.transaction = transaction;
        this.aggregates = aggregates;
    }

    /** What became of a batch; each number of it is in exactly one of these. */
    public record Outcome(List<NewDid> created, List<NewDid> alreadyPresent, List<NewDid> deletedBefore,
                          List<NewDid> operatorGone) {
    }

    /** Creates the batch's new numbers atomically; {@code metaData} (actor, correlation) goes on every event. */
    public Outcome create(List<NewDid> batch, Map<String, ?> metaData) {
        Outcome outcome = transaction.execute(status -> {
            Set<String> operators = new HashSet<>();
            batch.forEach(did -> operators.add(did.operatorId()));
            Set<String> liveOperators = registry.lockExistingOperators(operators);

            List<NewDid> candidates = new ArrayList<>(batch.size());
            List<NewDid> operatorGone = new ArrayList<>();
            for (NewDid did : batch) {
                (liveOperators.contains(did.operatorId()) ? candidates : operatorGone).add(did);
            }
            Set<String> claimed = registry.claimNew(candidates.stream().map(NewDid::number).toList(),
                    candidates.stream().map(NewDid::operatorId).toList());

            List<NewDid> created = new ArrayList<>(claimed.size());
            List<NewDid> taken = new ArrayList<>();
            for (NewDid did : candidates) {
                (claimed.remove(did.number()) ? created : taken).add(did);
            }
            appendFirstEvents(created, metaData);

            Map<String, Boolean> states = taken.isEmpty() ? Map.of() : registry.states(taken.stream().map(NewDid::number).toList());
            List<NewDid> present = new ArrayList<>();
            List<NewDid> deletedBefore = new ArrayList<>();
            for (NewDid did : taken) {
                (Boolean.FALSE.equals(states.get(did.number())) ? deletedBefore : present).add(did);
            }
            return new Outcome(created, present, deletedBefore, operatorGone);
        });
        // a command to a number nobody had created leaves an empty aggregate in the cache, now outdated
        outcome.created().forEach(did -> aggregates.remove(did.number()));
        return outcome;
    }

    /** Appends each DID's DidCreated as event 0 of its aggregate, in one statement. */
    private void appendFirstEvents(List<NewDid> dids, Map<String, ?> metaData) {
        if (dids.isEmpty()) {
            return;
        }
        int size = dids.size();
        byte[] meta = serializer.serialize(MetaData.from(metaData), byte[].class).getData();
        String timestamp = DateTimeUtils.formatInstant(Instant.now());
        String[] ids = new String[size];
        String[] numbers = new String[size];
        byte[][] payloads = new byte[size][];
        String payloadType = null;
        String revision = null;
        for (int i = 0; i < size; i++) {
            NewDid did = dids.get(i);
            SerializedObject<byte[]> payload = serializer.serialize(new DidCreated(did.number(), did.operatorId(),
                    did.status(), did.afterHoldStatus(), did.tag(), did.notes()), byte[].class);
            ids[i] = UUID.randomUUID().toString();
            numbers[i] = did.number();
            payloads[i] = payload.getData();
            payloadType = payload.getType().getName();
            revision = payload.getType().getRevision();
        }
        String type = payloadType;
        String payloadRevision = revision;
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    select nextval('domain_event_entry_seq'), e.id, ?, e.payload, ?, ?, ?, e.number, 0, ?
                    from unnest(?::varchar[], ?::bytea[], ?::varchar[]) with ordinality as e(id, payload, number, position)
                    order by e.position""");
            statement.setBytes(1, meta);
            statement.setString(2, payloadRevision);
            statement.setString(3, type);
            statement.setString(4, timestamp);
            statement.setString(5, AGGREGATE_TYPE);
            statement.setArray(6, connection.createArrayOf("varchar", ids));
            statement.setArray(7, connection.createArrayOf("bytea", payloads));
            statement.setArray(8, connection.createArrayOf("varchar", numbers));
            return statement;
        });
    }
}
