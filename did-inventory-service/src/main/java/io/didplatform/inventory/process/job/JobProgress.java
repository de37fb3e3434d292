package io.didplatform.inventory.process.job;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A running job's counters, kept by the one thread that runs it and written to the store every second or so,
 * so progress is visible while the job runs without a database write per row.
 */
public class JobProgress {
    private static final long FLUSH_INTERVAL_NANOS = 1_000_000_000L;

    private final UUID id;
    private final JobStore store;
    private final OutageRetry outages;
    private final int maxStoredErrors;
    private final List<JobReport.RowError> unsaved = new ArrayList<>();
    private long total;
    private long succeeded;
    private long failed;
    private long storedErrors;
    private long omitted;
    private long lastFlush = System.nanoTime();

    JobProgress(UUID id, JobStore store, OutageRetry outages, int maxStoredErrors, long total) {
        this.id = id;
        this.store = store;
        this.outages = outages;
        this.maxStoredErrors = maxStoredErrors;
        this.total = total;
    }

    public UUID id() {
        return id;
    }

    /** For jobs that learn their size as they go (imports). */
    public void total(long total) {
        this.total = total;
    }

    public void succeeded(long count) {
        succeeded += count;
        flushIfDue();
    }

    public void failed(Long row, String number, String reason) {
        failed++;
        if (storedErrors < maxStoredErrors) {
            storedErrors++;
            unsaved.add(new JobReport.RowError(row, number, reason));
        } else {
            omitted++;
        }
        flushIfDue();
    }

    /** Runs one step of the job's work, waiting out a database outage ({@link OutageRetry}). */
    public <T> T step(Supplier<T> work) {
        return outages.call(work);
    }

    /** Saves the counters; answers whether someone asked to cancel the job. */
    boolean flush() {
        List<JobReport.RowError> errors = List.copyOf(unsaved);
        boolean cancelRequested = outages.call(() -> store.progress(id, total, succeeded, failed, omitted, errors));
        unsaved.clear();
        lastFlush = System.nanoTime();
        return cancelRequested;
    }

    /** Stops the job's work (by {@link JobCancelled}) at the first report after a cancel was asked for. */
    private void flushIfDue() {
        if ((System.nanoTime() - lastFlush > FLUSH_INTERVAL_NANOS || unsaved.size() >= 1000) && flush()) {
            throw new JobCancelled();
        }
    }
}
