package io.didplatform.support.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when its aggregate's stream moved under it: two instances (or an instance and a Kafka
 * listener) decided on the same aggregate version and the event store's sequence key refused the second append
 * ({@link ConcurrencyException}). The command is then decided again on the aggregate as it now is, so it succeeds or
 * is refused for a real reason, and the caller never sees the race.
 * <p>
 * Only a command that was its own transaction is sent again. One dispatched inside a caller's transaction (a Kafka
 * listener marking the event handled, a batch) has poisoned that transaction: its failure goes back to the caller,
 * whose own retry (redelivery, sending one by one) repeats the whole.
 * Any other failure (a refusal, a broken database) goes straight back too.
 */
public class ConflictRetryScheduler implements RetryScheduler, AutoCloseable {
    /** Threads the retried commands run on (each runs its command through); races are rare, so few. */
    private static final int THREADS = 4;
    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final CommandSettings settings;

    public ConflictRetryScheduler(CommandSettings settings) {
        // not a bean: a ScheduledExecutorService bean would take the place of Spring's scheduler for @Scheduled
        this.executor = Executors.newScheduledThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.settings = settings;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        int retries = failures.size();
        if (retries > settings.conflictRetries() || !isConflict(lastFailure) || insideCallersTransaction()) {
            return false;
        }
        long backoff = settings.conflictBackoff().toMillis() << Math.min(retries - 1, 6);
        long pause = ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1);
        log.debug("{} lost a race on its aggregate (attempt {}); sending it again in {} ms",
                commandMessage.getCommandName(), retries, pause);
        executor.schedule(dispatchTask, pause, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The gateway learns the outcome on the dispatching thread, once the command's own unit of work ended: whatever
     * transaction or unit of work is still there is the caller's. (A retry runs on the executor, outside both.)
     */
    private static boolean insideCallersTransaction() {
        return CurrentUnitOfWork.isStarted() || TransactionSynchronizationManager.isActualTransactionActive();
    }
}
