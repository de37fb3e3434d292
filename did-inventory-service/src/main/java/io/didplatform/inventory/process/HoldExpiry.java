package io.didplatform.inventory.process;

import io.didplatform.inventory.command.did.EndHold;
import io.didplatform.inventory.command.registry.JdbcClientPackageHoldings;
import io.didplatform.inventory.config.HoldSettings;
import io.didplatform.support.axon.MessageContext;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends the holds whose end has passed: looks for them in the holdings (where every hold's end is recorded with
 * the hold's event) at start-up and then every {@code did.hold.expiry.poll-interval}, and sends each DID
 * {@link EndHold}. A hold that fell due while the service was down ends at start-up. One instance at a time
 * looks (the others skip while it holds the task's lock); a DID releases once even if two did send the command.
 */
@Component
class HoldExpiry {
    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);
    private static final Map<String, String> SYSTEM = Map.of(MessageContext.ACTOR, MessageContext.SYSTEM_ACTOR);

    private final JdbcClientPackageHoldings holdings;
    private final CommandBatch commands;
    private final int batchSize;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    HoldExpiry(JdbcClientPackageHoldings holdings, CommandBatch commands,
               HoldSettings settings, Clock clock) {
        this.holdings = holdings;
        this.commands = commands;
        this.batchSize = settings.cascade().batchSize();
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = "hold-expiry")
    @Scheduled(fixedDelayString = "${did.hold.expiry.poll-interval}", initialDelayString = "${did.hold.expiry.poll-interval}")
    void endDueHolds() {
        if (!running.compareAndSet(false, true)) {
            return; // the start-up run is still going
        }
        try {
            Instant now = clock.instant();
            List<String> due = List.of();
            List<String> previous;
            do {
                previous = due;
                due = holdings.holdsEndedBy(now, batchSize);
                if (due.isEmpty() || due.equals(previous)) {
                    return; // all ended, or these few would not end now: the next poll tries again
                }
                if (!commands.send(due.stream().map(number -> new EndHold(number, now)).toList(), SYSTEM)) {
                    return; // what failed is due still: the next poll repeats it
                }
            } while (due.size() == batchSize);
        } catch (RuntimeException e) {
            log.warn("Looking for holds that ended failed; the next poll repeats it", e);
        } finally {
            running.set(false);
        }
    }
}
