package io.didplatform.support.reconcile;

import io.didplatform.support.axon.ProcessorPositions;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A read model against its events: the projection's own code replays every event its processor has passed into
 * scratch copies of its tables ({@link ScratchTables}), and the copies are compared with the live tables row by row,
 * by content. The processor's token is read in the same snapshot as the tables, and a projection commits its rows
 * with its token, so the snapshot shows exactly the events the token covers.
 */
public class ProjectionReplayCheck implements ReconciliationCheck {
    private static final int PAGE = 2_000;

    /** A table of the read model and the column that names a row in the report (its key). */
    public record Table(String name, String key) {
    }

    private final String name;
    private final String processingGroup;
    private final List<Table> tables;
    private final Function<JdbcTemplate, Object> projection;
    private final DataSource dataSource;
    private final Serializer serializer;
    private final ProcessorPositions positions;

    /** {@code projection}: a new instance of the projection writing through the given JDBC template. */
    public ProjectionReplayCheck(String name, String processingGroup, List<Table> tables,
                                 Function<JdbcTemplate, Object> projection, DataSource dataSource,
                                 Serializer serializer, ProcessorPositions positions) {
        this.name = name;
        this.processingGroup = processingGroup;
        this.tables = List.copyOf(tables);
        this.projection = projection;
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.positions = positions;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(int limit) {
        return ScratchTables.inSnapshot(dataSource, name, tables, scratch -> {
            Differences differences = new Differences(name, limit);
            TrackingToken token = positions.lowest(scratch.jdbc(), processingGroup);
            long replayed = token == null ? 0 : replay(scratch.jdbc(), token);
            scratch.compare(differences);
            differences.figure("eventsReplayed", replayed);
            return differences.result();
        });
    }

    /** Hands every stored event the token covers to a fresh projection, a page at a time in a unit of work. */
    private long replay(JdbcTemplate jdbc, TrackingToken token) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection.apply(jdbc));
        long after = -1;
        long replayed = 0;
        while (true) {
            List<Long> positionsRead = new ArrayList<>();
            List<EventMessage<?>> page = new ArrayList<>();
            long from = after;
            jdbc.query("""
                    select global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type,
                           payload_revision, payload, meta_data, time_stamp
                    from domain_event_entry where global_index > ? order by global_index limit ?""", row -> {
                positionsRead.add(row.getLong(1));
                if (ProcessorPositions.hasHandled(token, row.getLong(1))) {
                    page.add(message(row));
                }
            }, from, PAGE);
            if (positionsRead.isEmpty()) {
                return replayed;
            }
            after = positionsRead.get(positionsRead.size() - 1);
            DefaultUnitOfWork.startAndGet(null).execute(() -> page.forEach(event -> {
                if (handler.canHandle(event)) {
                    try {
                        handler.handle(event);
                    } catch (Exception e) {
                        throw new IllegalStateException("replaying event " + event.getIdentifier() + ": " + e.getMessage(), e);
                    }
                }
            }));
            replayed += page.size();
        }
    }

    private EventMessage<?> message(java.sql.ResultSet row) throws SQLException {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(8), byte[].class,
                row.getString(6), row.getString(7)));
        byte[] metaData = row.getBytes(9);
        MetaData meta = metaData == null ? MetaData.emptyInstance() : serializer.deserialize(
                new SimpleSerializedObject<>(metaData, byte[].class, MetaData.class.getName(), null));
        return new GenericDomainEventMessage<>(row.getString(5), row.getString(3), row.getLong(4), payload, meta,
                row.getString(2), Instant.parse(row.getString(10)));
    }
}
