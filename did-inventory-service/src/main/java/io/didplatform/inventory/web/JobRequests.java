package io.didplatform.inventory.web;

import io.didplatform.inventory.config.JobSettings;
import io.didplatform.inventory.process.job.BulkJobs;
import io.didplatform.inventory.process.job.JobChanges;
import io.didplatform.inventory.process.job.JobProgress;
import io.didplatform.inventory.process.job.JobReport;
import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.security.AuthenticatedCaller;
import io.didplatform.support.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Starts a bulk job for a request and answers it: 200 with the report when the job finished within a moment
 * (small lists), otherwise 202 with the running job and its {@code Location}.
 */
@Component
class JobRequests {
    private final BulkJobs jobs;
    private final Duration patience;

    JobRequests(BulkJobs jobs, JobSettings settings) {
        this.jobs = jobs;
        this.patience = settings.answerWithin();
    }

    /**
     * {@code work} gets the progress and the metadata (actor, correlation) its commands and events carry; a
     * {@code dryRun} reports what it would do and writes nothing.
     */
    ResponseEntity<JobReport> start(String kind, boolean dryRun, long total, HttpServletRequest request,
                                    BiConsumer<JobProgress, Map<String, Object>> work) {
        return start(kind, dryRun, total, null, request, work);
    }

    /**
     * As {@link #start(String, boolean, long, HttpServletRequest, BiConsumer)}, for an undo of job {@code undoOf}.
     * The metadata also names the job ({@link JobChanges#JOB_ID}), so that what it changes is recorded for its undo.
     */
    ResponseEntity<JobReport> start(String kind, boolean dryRun, long total, UUID undoOf, HttpServletRequest request,
                                    BiConsumer<JobProgress, Map<String, Object>> work) {
        // read now: the request is gone when the job runs
        String actor = AuthenticatedCaller.actorOf(request);
        String correlation = RequestIdFilter.correlationOf(request);
        UUID id = jobs.start(kind, dryRun, total, actor, undoOf, progress -> work.accept(progress, Map.of(
                MessageContext.ACTOR, actor,
                MessageContext.CORRELATION, correlation == null ? progress.id().toString() : correlation,
                JobChanges.JOB_ID, progress.id().toString())));
        JobReport report = jobs.awaitBriefly(id, patience);
        return ResponseEntity.status(report.finished() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/dids/jobs/" + id))
                .body(report);
    }
}
