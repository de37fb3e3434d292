package io.didplatform.inventory.process.job;

import io.didplatform.inventory.config.JobSettings;
import jakarta.annotation.PreDestroy;
import io.didplatform.inventory.query.did.ReadModelCatchUp;
import io.didplatform.support.web.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Starts bulk work in the background and answers what it has done so far. A job interrupted by a stop of
 * the instance running it ends FAILED: at that instance's next start-up, or when its heartbeat goes silent
 * (another instance notices), never RUNNING forever.
 */
@Component
public class BulkJobs {
    private static final Logger log = LoggerFactory.getLogger(BulkJobs.class);

    private final JobStore store;
    private final DryRun dryRuns;
    private final OutageRetry outages;
    private final ExecutorService executor;
    private final String owner;
    private final int maxStoredErrors;
    private final Duration silence;
    private final ReadModelCatchUp readModel;
    private final Duration searchableWithin;
    private final Map<UUID, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    BulkJobs(JobStore store, DryRun dryRuns, OutageRetry outages, ReadModelCatchUp readModel, JobSettings settings) {
        this.store = store;
        this.dryRuns = dryRuns;
        this.outages = outages;
        this.readModel = readModel;
        this.searchableWithin = settings.searchableWithin();
        AtomicInteger count = new AtomicInteger();
        // a few jobs at a time; later ones wait their turn, RUNNING with no progress yet
        this.executor = Executors.newFixedThreadPool(settings.threads(), task -> {
            Thread thread = new Thread(task, "bulk-job-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.owner = settings.instanceId();
        this.maxStoredErrors = settings.maxReportedErrors();
        this.silence = settings.silenceBeforeFailed();
    }

    /**
     * Records a RUNNING job and runs {@code work} in the background; an exception ends it FAILED. A dry run does
     * the same work and reports it the same way, then rolls everything back ({@link DryRun}).
     */
    public UUID start(String kind, boolean dryRun, long total, String actor, Consumer<JobProgress> work) {
        return start(kind, dryRun, total, actor, null, work);
    }

    /** As {@link #start(String, boolean, long, String, Consumer)}, for an undo of job {@code undoOf} ({@link JobUndo}). */
    public UUID start(String kind, boolean dryRun, long total, String actor, UUID undoOf, Consumer<JobProgress> work) {
        UUID id = UUID.randomUUID();
        store.create(id, kind, dryRun, total, actor, owner, undoOf);
        JobProgress progress = new JobProgress(id, store, outages, maxStoredErrors, total);
        CompletableFuture<Void> done = new CompletableFuture<>();
        running.put(id, done);
        executor.execute(() -> {
            try {
                if (dryRun) {
                    runDry(progress, work);
                } else {
                    run(progress, work);
                }
            } finally {
                running.remove(id);
                done.complete(null);
            }
        });
        return id;
    }

    private void run(JobProgress progress, Consumer<JobProgress> work) {
        try {
            work.accept(progress);
            progress.flush();
            outages.run(() -> store.note(progress.id(), "Stored; waiting for search and export to show them"));
            boolean searchable = outages.call(() -> readModel.awaitEverythingStored(searchableWithin));
            finish(progress, JobState.COMPLETED, searchable ? null
                    : "Stored; search and export show them in a moment (the read model is behind)");
        } catch (JobCancelled cancelled) {
            progress.flush();
            finish(progress, JobState.CANCELLED, "Cancelled; what was done before stays done");
        } catch (RuntimeException e) {
            log.error("Job {} failed", progress.id(), e);
            finish(progress, JobState.FAILED, "The job stopped: " + e.getMessage());
        }
    }

    /** The outcome stored, after the counters, through a database outage; else the sweep fails the job later. */
    private void finish(JobProgress progress, JobState state, String detail) {
        try {
            progress.flush();
            outages.run(() -> store.finish(progress.id(), state, detail));
        } catch (RuntimeException e) {
            log.error("Job {} ended {} but could not be recorded; it is reported FAILED once its heartbeat is missed",
                    progress.id(), state, e);
        }
    }

    private void runDry(JobProgress progress, Consumer<JobProgress> work) {
        try {
            dryRuns.run(() -> work.accept(progress));
            progress.flush();
            store.finish(progress.id(), JobState.COMPLETED, "Dry run: nothing was written; a real run would do this");
        } catch (JobCancelled cancelled) {
            progress.flush();
            store.finish(progress.id(), JobState.CANCELLED, "Dry run cancelled; nothing was written");
        } catch (RuntimeException e) {
            log.error("Dry run {} failed", progress.id(), e);
            progress.flush();
            store.finish(progress.id(), JobState.FAILED, "The dry run stopped: " + e.getMessage());
        }
    }

    public Optional<JobReport> find(UUID id) {
        return store.find(id, maxStoredErrors);
    }

    /** A page of jobs, newest first unless sorted otherwise; {@code state} and {@code kind} narrow it when given. */
    public PageResponse<JobSummary> recent(JobState state, String kind, Pageable pageable) {
        return PageResponse.of(new PageImpl<>(store.recent(state, kind, pageable.getSort(), (int) pageable.getOffset(), pageable.getPageSize()),
                pageable, store.count(state, kind)), summary -> summary);
    }

    /** Asks the job to stop at its next progress report, on whichever instance runs it; false when not running. */
    public boolean cancel(UUID id, String actor) {
        return store.requestCancel(id, actor);
    }

    /** Every stored row error of a job, in row order. */
    public void eachError(UUID id, Consumer<JobReport.RowError> sink) {
        store.eachError(id, sink);
    }

    /** Waits up to {@code patience} for a job to finish (small jobs answer at once), then returns it as it is. */
    public JobReport awaitBriefly(UUID id, Duration patience) {
        CompletableFuture<Void> done = running.get(id);
        if (done != null) {
            try {
                done.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // still running (or failed, which the stored job says): answer with its state now
            }
        }
        return find(id).orElseThrow();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    @EventListener(ApplicationReadyEvent.class)
    void failJobsInterruptedByRestart() {
        int failed = store.failInterrupted(owner, silence);
        if (failed > 0) {
            log.warn("{} bulk job(s) were interrupted by a stop and are now reported FAILED", failed);
        }
    }

    @Scheduled(fixedDelayString = "${did.jobs.heartbeat-interval}", initialDelayString = "${did.jobs.heartbeat-interval}")
    void heartbeatAndSweep() {
        store.heartbeat(owner);
        store.failInterrupted("", silence);
    }
}
