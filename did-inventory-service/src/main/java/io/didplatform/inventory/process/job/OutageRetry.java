package io.didplatform.inventory.process.job;

import io.didplatform.inventory.config.JobSettings;
import io.didplatform.support.deadletter.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Lets a bulk job wait out a database outage (a restart, a failover, the pool briefly empty) instead of stopping
 * FAILED half-way: a step that fails for a reason that passes by itself ({@link Failures#isTransient}) is tried
 * again, backing off from 200 ms to 5 s, for up to {@code did.jobs.outage-patience} from its first failure; after
 * that, or at once for any other failure, the failure stands. A step must be safe to run again after such a failure: one transaction (rolled
 * back with it) or one command (decided again by its aggregate). Inside a surrounding transaction (a dry run) a step
 * is not tried again: that transaction is lost with the connection.
 */
@Component
public class OutageRetry {
    private static final Logger log = LoggerFactory.getLogger(OutageRetry.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final Duration patience;

    OutageRetry(JobSettings settings) {
        this.patience = settings.outagePatience();
    }

    public <T> T call(Supplier<T> step) {
        Long giveUpAt = null;
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                // patience counts from the outage, not from the step's start: a step may wait long before it fails
                giveUpAt = giveUpAt == null ? System.nanoTime() + patience.toNanos() : giveUpAt;
                if (!Failures.isTransient(e) || TransactionSynchronizationManager.isActualTransactionActive()
                        || System.nanoTime() + pause.toNanos() > giveUpAt) {
                    throw e;
                }
                log.warn("Database unavailable ({}); trying again in {} ms", Failures.describe(e), pause.toMillis());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    public void run(Runnable step) {
        call(() -> {
            step.run();
            return null;
        });
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }
}
