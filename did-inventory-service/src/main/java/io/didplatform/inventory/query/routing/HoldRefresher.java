package io.didplatform.inventory.query.routing;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the routing table to read which client packages went inactive every {@code did.routing.hold-refresh}, on a
 * thread of its own: Spring's one scheduler thread also runs the hold cascade's sweep, which may take seconds, and
 * the bulk jobs' heartbeat, which must not wait behind a read that waits for a connection.
 */
@Component
class HoldRefresher {
    private static final Logger log = LoggerFactory.getLogger(HoldRefresher.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread refresher = new Thread(runnable, "routing-holds");
        refresher.setDaemon(true);
        return refresher;
    });

    HoldRefresher(RoutingTable table, @Value("${did.routing.hold-refresh:PT0.1S}") Duration every) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                table.refreshHolds();
            } catch (RuntimeException e) {
                // the database away for a moment: the holds read last stay, and the next round reads again
                log.debug("Could not read the client packages on hold", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
