package io.didplatform.support.axon;

import io.didplatform.support.jdbc.ColumnBatch;
import org.axonframework.common.Assert;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Axon's JPA event storage engine with its two per-aggregate hot paths on plain JDBC, on the transaction's own
 * connection:
 * <ul>
 * <li>the events of a unit of work are appended with one multi-row insert. The stock engine persists them entity
 * by entity, and with the global index sequence's allocation size of 1 ({@code META-INF/axon-orm.xml}, which keeps
 * the stream free of gaps) every event costs its own
 * {@code nextval} round trip: a hold cascade committing 250 DIDs' events at once spent more time on those than on
 * anything else;</li>
 * <li>an aggregate's events (and latest snapshot) are read with prepared SQL rather than a JPQL query each; and
 * where no aggregate takes snapshots, the snapshot table is not asked at all. A cascade over DIDs not in the
 * aggregate cache loads thousands of aggregates, each of which paid two queries.</li>
 * <li>a tracking processor's next batch is read as two index lookups: the events filling its token's gaps, and the
 * events after its position. Axon asks {@code global_index > :position OR global_index IN (:gaps)}, which PostgreSQL
 * answers by walking the whole primary key from the first event, and a token keeps its gaps (rolled-back appends:
 * every conflicting take leaves one) until it holds more than 250: every poll of every processor read the whole
 * table (10,000 rows per take in client-service at 3,400 events, growing with the stream); and each event's token
 * shares its predecessor's gap set where nothing in it changed ({@link GapTokens}) instead of copying it.</li>
 * </ul>
 * A transaction that appends events ends within {@code commitWithin} of its first append, or rolls back. Its global
 * indexes are gaps to the processors until it commits, and a processor gives a gap up after the gap timeout (sooner
 * when it cleans a token of more than 250 gaps or reads an event older than that): an event committed later is
 * skipped by every processor, for good (RELIABILITY.md, "Event-store gaps"). So PostgreSQL ends the session of such
 * a transaction left idle longer than that (a process frozen or cut off mid-transaction), and the transaction
 * refuses to commit once that long has passed since its first append.
 * Rows are exactly those the stock engine writes and reads (same tables, columns, serialisation and sequence), so
 * tracking processors and the duplicate-key check that guards an aggregate's sequence work unchanged.
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

    private static final String COLUMNS = """
            type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type, payload_revision,
                payload, meta_data""";
    private static final String EVENTS = "select " + COLUMNS + " from domain_event_entry"
            + " where aggregate_identifier = ? and sequence_number >= ? order by sequence_number limit ?";
    private static final String LATEST_SNAPSHOT = "select " + COLUMNS + " from snapshot_event_entry"
            + " where aggregate_identifier = ? order by sequence_number desc limit 1";

    /** Axon's tracked-events columns, in its order. */
    private static final String TRACKED_COLUMNS = "global_index, type, aggregate_identifier, sequence_number,"
            + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data";
    private static final String TRACKED = "select * from ((select " + TRACKED_COLUMNS + " from domain_event_entry"
            + " where global_index = any(?) order by global_index limit ?) union all (select " + TRACKED_COLUMNS
            + " from domain_event_entry where global_index > ? order by global_index limit ?)) e"
            + " order by global_index limit ?";

    private static final String GAP_NEIGHBOURS = "select global_index, time_stamp from domain_event_entry"
            + " where global_index >= ? and global_index <= ? order by global_index";

    /**
     * No bound by distance on the gaps a token keeps (Axon's default gives up a gap 10,000 indexes below the newest
     * event read, however young: a bulk import appending that many while a take's transaction was open lost the
     * take's events for good). A gap is given up by age alone, which is safe since no transaction commits later than
     * {@code commitWithin}, at most half the gap timeout, after its first append.
     */
    static final int MAX_GAP_OFFSET = Integer.MAX_VALUE;
    /** Axon's defaults, set on the builder from here so that the reads below follow the same rules. */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int GAP_CLEANING_THRESHOLD = 250;

    private static final String IDLE_TIMEOUT = "select set_config('idle_in_transaction_session_timeout', ?, true)";

    private final TransactionManager transactionManager;
    private final boolean snapshots;
    private final Duration commitWithin;
    private final Duration gapTimeout;

    /**
     * @param snapshots whether any aggregate takes snapshots (declares a {@code snapshotTriggerDefinition}); when
     *                  none does, loading an aggregate skips the snapshot query
     * @param commitWithin how long a transaction may last from its first append to its commit
     * @param gapTimeout   the builder's gap timeout: how long a processor keeps a gap
     */
    public MultiRowJpaEventStorageEngine(JpaEventStorageEngine.Builder builder, TransactionManager transactionManager,
                                         boolean snapshots, Duration commitWithin, Duration gapTimeout) {
        super(builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapCleaningThreshold(GAP_CLEANING_THRESHOLD).gapTimeout((int) gapTimeout.toMillis()));
        this.transactionManager = transactionManager;
        this.snapshots = snapshots;
        this.commitWithin = commitWithin;
        this.gapTimeout = gapTimeout;
    }

    /**
     * Axon's reading of a processor's next batch, step for step (the gaps cleaned past 250 of them, each event's
     * token advanced from the last, gaps kept only while younger than the gap timeout), with its tokens made by
     * {@link GapTokens}.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        Assert.isTrue(lastToken == null || lastToken instanceof GapAwareTrackingToken,
                () -> "Token [" + lastToken + "] is of the wrong type: expected a GapAwareTrackingToken");
        GapAwareTrackingToken previous = cleaned((GapAwareTrackingToken) lastToken);
        List<Object[]> rows = transactionManager.fetchInTransaction(() -> fetchEvents(previous));
        Instant gapsKeptAfter = GenericEventMessage.clock.instant().minus(gapTimeout);
        List<TrackedEventData<?>> events = new ArrayList<>(rows.size());
        GapAwareTrackingToken token = previous;
        for (Object[] row : rows) {
            long globalIndex = (Long) row[0];
            String aggregate = (String) row[2];
            String eventId = (String) row[4];
            StoredEventEntry event = new StoredEventEntry((String) row[1],
                    eventId.equals(aggregate) ? null : aggregate, (Long) row[3], eventId, row[5], (String) row[6],
                    (String) row[7], (byte[]) row[8], (byte[]) row[9]);
            boolean keepGaps = event.getTimestamp().isAfter(gapsKeptAfter);
            if (token == null) {
                token = GapAwareTrackingToken.newInstance(globalIndex, keepGaps
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet());
            } else {
                token = GapTokens.advance(token, globalIndex, keepGaps ? MAX_GAP_OFFSET : 0);
            }
            events.add(new TrackedDomainEventData<>(token, event));
        }
        return events;
    }

    /** Past 250 gaps, those with only events older than the gap timeout after them are given up (as Axon does). */
    private GapAwareTrackingToken cleaned(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().size() <= GAP_CLEANING_THRESHOLD) {
            return token;
        }
        Instant gapsKeptAfter = GenericEventMessage.clock.instant().minus(gapTimeout);
        return transactionManager.fetchInTransaction(() -> entityManager().unwrap(Session.class).doReturningWork(connection -> {
            GapAwareTrackingToken cleaned = token;
            try (var select = connection.prepareStatement(GAP_NEIGHBOURS)) {
                select.setLong(1, token.getGaps().first());
                select.setLong(2, token.getGaps().last() + 1);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long globalIndex = row.getLong(1);
                        if (cleaned.getGaps().contains(globalIndex)
                                || StoredEventEntry.parse(row.getString(2)).isAfter(gapsKeptAfter)) {
                            return cleaned;
                        }
                        if (cleaned.getGaps().contains(globalIndex - 1)) {
                            cleaned = cleaned.withGapsTruncatedAt(globalIndex);
                        }
                    }
                }
            }
            return cleaned;
        }));
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        return transactionManager.fetchInTransaction(() -> entityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (var select = connection.prepareStatement(EVENTS)) {
                select.setString(1, aggregateIdentifier);
                select.setLong(2, firstSequenceNumber);
                select.setInt(3, batchSize);
                return entries(select);
            }
        }));
    }

    /** Called in a transaction, by Axon and by fetchTrackedEvents; rows as Axon's query returns them (class comment). */
    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        Long[] gaps = token == null ? new Long[0] : token.getGaps().toArray(Long[]::new);
        long position = token == null ? -1L : token.getIndex();
        int batch = batchSize();
        return entityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (var select = connection.prepareStatement(TRACKED)) {
                select.setArray(1, connection.createArrayOf("bigint", gaps));
                select.setInt(2, batch);
                select.setLong(3, position);
                select.setInt(4, batch);
                select.setInt(5, batch);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Object[]{row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                                row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                                row.getBytes(9), row.getBytes(10)});
                    }
                }
                return rows;
            }
        });
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        if (!snapshots) {
            return Stream.empty();
        }
        return transactionManager.fetchInTransaction(() -> entityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (var select = connection.prepareStatement(LATEST_SNAPSHOT)) {
                select.setString(1, aggregateIdentifier);
                return entries(select);
            }
        })).stream();
    }

    private static List<DomainEventData<byte[]>> entries(PreparedStatement select) throws SQLException {
        List<DomainEventData<byte[]>> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                entries.add(new StoredEventEntry(row.getString(1), row.getString(2), row.getLong(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getBytes(8),
                        row.getBytes(9)));
            }
        }
        return entries;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        ColumnBatch rows = new ColumnBatch("text", "bytea", "bytea", "text", "text", "text", "text", "int8", "text");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            rows.add(event.getIdentifier(), event.serializeMetaData(serializer, byte[].class).getData(),
                    payload.getData(), payload.getType().getRevision(), payload.getType().getName(),
                    DateTimeUtils.formatInstant(event.getTimestamp()), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType());
        }
        transactionManager.executeInTransaction(() -> {
            try {
                entityManager().unwrap(Session.class).doWork(connection -> {
                    limitLifetime(connection);
                    try (var insert = rows.statement(INSERT).createPreparedStatement(connection)) {
                        insert.executeUpdate();
                    }
                });
            } catch (Exception e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }

    /** See the class comment: the transaction's first append starts the time it has left to commit. */
    private void limitLifetime(Connection connection) throws SQLException {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        try (var idleTimeout = connection.prepareStatement(IDLE_TIMEOUT)) {
            idleTimeout.setString(1, commitWithin.toMillis() + "ms");
            idleTimeout.execute();
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Instant deadline = Instant.now().plus(commitWithin);
        TransactionSynchronizationManager.bindResource(this, deadline);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TransactionTimedOutException("Events appended more than " + commitWithin
                            + " ago may not be committed: the event processors may have given their indexes up");
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResource(MultiRowJpaEventStorageEngine.this);
            }
        });
    }
}
