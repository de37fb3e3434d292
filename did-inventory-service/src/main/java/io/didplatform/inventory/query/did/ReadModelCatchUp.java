package io.didplatform.inventory.query.did;

import io.didplatform.support.axon.ProcessorPositions;
import io.didplatform.support.web.LateArrivals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Waits until the DID read model shows everything stored so far: a bulk job is COMPLETED only once its DIDs can be
 * searched and exported. Reads the processor's position from the token store, so it holds whichever instance
 * projects them.
 */
@Component
public class ReadModelCatchUp {
    private final JdbcTemplate jdbc;
    private final ProcessorPositions positions;

    ReadModelCatchUp(JdbcTemplate jdbc, ProcessorPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    /** Whether the read model caught up with every event stored before this call, within {@code patience}. */
    public boolean awaitEverythingStored(Duration patience) {
        long newest = ProcessorPositions.newestEvent(jdbc);
        return newest < 0 || LateArrivals.until(
                () -> positions.hasReached(jdbc, DidInventoryProjection.PROCESSING_GROUP, newest), patience);
    }
}
