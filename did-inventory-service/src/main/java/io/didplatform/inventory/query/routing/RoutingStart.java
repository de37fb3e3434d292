package io.didplatform.inventory.query.routing;

import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.inventory.query.did.DidInventoryProjection;
import io.didplatform.support.axon.ProcessorPositions;
import jakarta.annotation.PostConstruct;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Fills this instance's {@link RoutingTable} from the DID read model before the routing processor starts, and
 * tells that processor where in the stream to go on from. The read model and its processor's tokens are read in
 * one snapshot (the processor commits both in one transaction), so the position is exactly what the rows
 * reflect; with several segments, the lowest of their positions.
 */
@Component
class RoutingStart {
    private static final Logger log = LoggerFactory.getLogger(RoutingStart.class);
    private static final int UNKNOWN = -1;

    private final RoutingTable table;
    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;
    private final ProcessorPositions positions;
    private TrackingToken position;

    RoutingStart(RoutingTable table, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                 ProcessorPositions positions) {
        this.table = table;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        // PostgreSQL streams with a cursor only inside a transaction and with a fetch size
        this.streaming.setFetchSize(5000);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.positions = positions;
    }

    /** Runs before the event processors start, so no event reaches the table before the load. */
    @PostConstruct
    void load() {
        long started = System.nanoTime();
        position = snapshot.execute(status -> {
            TrackingToken readModelPosition = readModelPosition();
            streaming.query("select number, status, destination from did_view", (RowCallbackHandler) row ->
                    table.load(row.getString(1), DidStatus.valueOf(row.getString(2)), row.getString(3)));
            return readModelPosition;
        });
        log.info("Routing table loaded: {} numbers in {} ms, following the event store from {}", table.size(),
                (System.nanoTime() - started) / 1_000_000, position == null ? "its start" : position);
    }

    /** Where the routing processor starts: the read model's position, or the start of the stream. */
    TrackingToken startToken(StreamableMessageSource<TrackedEventMessage<?>> source) {
        return position == null ? source.createTailToken() : position;
    }

    /** The lowest position the read model's segments have reached; null when any has not started. */
    private TrackingToken readModelPosition() {
        return positions.lowest(streaming, DidInventoryProjection.PROCESSING_GROUP);
    }
}
