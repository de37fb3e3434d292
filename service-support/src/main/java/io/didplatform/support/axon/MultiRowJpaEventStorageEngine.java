package io.didplatform.support.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;

import java.util.List;

/**
 * Axon's JPA event storage engine, except that the events of a unit of work are appended with one multi-row
 * insert on the transaction's connection. The stock engine persists them entity by entity, and with the global
 * index sequence's allocation size of 1 (see STACK.md) every event costs its own {@code nextval} round trip: a
 * hold cascade committing 250 DIDs' events at once spent more time on those than on anything else. Rows are
 * exactly those the stock engine writes (same table, columns, serialisation and sequence), so reading, tracking
 * and the duplicate-key check that guards an aggregate's sequence work unchanged.
 */
public class MultiRowJpaEventStorageEngine extends JpaEventStorageEngine {
    private static final String INSERT = """
            insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                payload_type, time_stamp, aggregate_identifier, sequence_number, type)
            select nextval('domain_event_entry_seq'), e.id, e.meta, e.payload, e.revision, e.payload_type, e.at,
                e.aggregate, e.sequence, e.type
            from unnest(?::varchar[], ?::bytea[], ?::bytea[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                        ?::bigint[], ?::varchar[]) with ordinality
                as e(id, meta, payload, revision, payload_type, at, aggregate, sequence, type, position)
            order by e.position""";

    private final TransactionManager transactionManager;

    public MultiRowJpaEventStorageEngine(JpaEventStorageEngine.Builder builder, TransactionManager transactionManager) {
        super(builder);
        this.transactionManager = transactionManager;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        int size = events.size();
        String[] ids = new String[size];
        byte[][] metaData = new byte[size][];
        byte[][] payloads = new byte[size][];
        String[] revisions = new String[size];
        String[] payloadTypes = new String[size];
        String[] timestamps = new String[size];
        String[] aggregates = new String[size];
        Long[] sequences = new Long[size];
        String[] types = new String[size];
        for (int i = 0; i < size; i++) {
            DomainEventMessage<?> event = asDomainEventMessage(events.get(i));
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            ids[i] = event.getIdentifier();
            metaData[i] = event.serializeMetaData(serializer, byte[].class).getData();
            payloads[i] = payload.getData();
            revisions[i] = payload.getType().getRevision();
            payloadTypes[i] = payload.getType().getName();
            timestamps[i] = DateTimeUtils.formatInstant(event.getTimestamp());
            aggregates[i] = event.getAggregateIdentifier();
            sequences[i] = event.getSequenceNumber();
            types[i] = event.getType();
        }
        transactionManager.executeInTransaction(() -> {
            try {
                entityManager().unwrap(Session.class).doWork(connection -> {
                    try (var insert = connection.prepareStatement(INSERT)) {
                        insert.setArray(1, connection.createArrayOf("varchar", ids));
                        insert.setArray(2, connection.createArrayOf("bytea", metaData));
                        insert.setArray(3, connection.createArrayOf("bytea", payloads));
                        insert.setArray(4, connection.createArrayOf("varchar", revisions));
                        insert.setArray(5, connection.createArrayOf("varchar", payloadTypes));
                        insert.setArray(6, connection.createArrayOf("varchar", timestamps));
                        insert.setArray(7, connection.createArrayOf("varchar", aggregates));
                        insert.setArray(8, connection.createArrayOf("bigint", sequences));
                        insert.setArray(9, connection.createArrayOf("varchar", types));
                        insert.executeUpdate();
                    }
                });
            } catch (Exception e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }
}
