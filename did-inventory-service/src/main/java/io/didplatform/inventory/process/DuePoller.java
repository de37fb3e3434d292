package io.didplatform.inventory.process;

import io.didplatform.support.axon.MessageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What ends a DID's state at a recorded time (a hold, a reservation) shares: look for the DIDs whose end has
 * passed, a batch at a time, and send each the command that ends it, as the system. A subclass schedules
 * {@link #sendDue()} (at start-up and then every poll interval) under a lock, so one instance at a time looks;
 * the command changes nothing when the DID's state ended or moved on meanwhile, so a repeat is harmless.
 */
abstract class DuePoller {
    private static final Logger log = LoggerFactory.getLogger(DuePoller.class);
    private static final Map<String, String> SYSTEM = Map.of(MessageContext.ACTOR, MessageContext.SYSTEM_ACTOR);

    private final CommandBatch commands;
    private final int batchSize;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    DuePoller(CommandBatch commands, int batchSize, Clock clock) {
        this.commands = commands;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Up to {@code limit} DIDs whose recorded end is by {@code now}, earliest first. */
    abstract List<String> due(Instant now, int limit);

    /** The command that ends the DID's state if it is due by {@code now}. */
    abstract Object end(String number, Instant now);

    void sendDue() {
        if (!running.compareAndSet(false, true)) {
            return; // the start-up run is still going
        }
        try {
            Instant now = clock.instant();
            List<String> due = List.of();
            List<String> previous;
            do {
                previous = due;
                due = due(now, batchSize);
                if (due.isEmpty() || due.equals(previous)) {
                    return; // all ended, or these few would not end now: the next poll tries again
                }
                if (!commands.send(due.stream().map(number -> end(number, now)).toList(), SYSTEM)) {
                    return; // what failed is due still: the next poll repeats it
                }
            } while (due.size() == batchSize);
        } catch (RuntimeException e) {
            log.warn("{} failed looking for what is due; the next poll repeats it", getClass().getSimpleName(), e);
        } finally {
            running.set(false);
        }
    }
}
