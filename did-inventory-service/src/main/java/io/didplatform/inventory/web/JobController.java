package io.didplatform.inventory.web;

import io.didplatform.inventory.process.job.BulkJobs;
import io.didplatform.inventory.process.job.JobReport;
import io.didplatform.inventory.process.job.JobState;
import io.didplatform.inventory.process.job.JobSummary;
import io.didplatform.inventory.process.job.JobUndo;
import io.didplatform.support.security.AuthenticatedCaller;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.PageResponse;
import io.didplatform.support.web.SpreadsheetText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bulk jobs (ranges, lists, imports, mass edits and deletes): the recent ones, one in full, its row report, cancel,
 * undo.
 */
@RestController
@RequestMapping("/api/dids/jobs")
class JobController {
    private final BulkJobs jobs;
    private final JobUndo undo;
    private final JobRequests jobRequests;

    JobController(BulkJobs jobs, JobUndo undo, JobRequests jobRequests) {
        this.jobs = jobs;
        this.undo = undo;
        this.jobRequests = jobRequests;
    }

    @GetMapping
    PageResponse<JobSummary> recent(@RequestParam(required = false) JobState state,
                                    @RequestParam(required = false) String kind,
                                    @PageableDefault(size = 50) Pageable pageable) {
        return jobs.recent(state, kind == null || kind.isBlank() ? null : kind.trim().toUpperCase(), pageable);
    }

    @GetMapping("/{id}")
    JobReport job(@PathVariable UUID id) {
        return found(id);
    }

    /** Stops a running job at its next progress report (about a second); what it did so far stays done. */
    @PostMapping("/{id}/cancel")
    JobReport cancel(@PathVariable UUID id, HttpServletRequest request) {
        JobReport job = found(id);
        if (!jobs.cancel(id, AuthenticatedCaller.actorOf(request))) {
            throw DomainException.conflict("JOB_NOT_RUNNING", "Job " + id + " is " + job.state() + ", not RUNNING");
        }
        return found(id);
    }

    /**
     * Undoes a finished job by new events, as a job of its own (ADMIN only): each DID it changed and nobody changed
     * since gets back what it had; the others are left alone and listed in the undo's report. A {@code dryRun}
     * reports what the undo would do.
     */
    @PostMapping("/{id}/undo")
    ResponseEntity<JobReport> undo(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean dryRun,
                                   HttpServletRequest request) {
        long changes = undo.changesToUndo(id);
        return jobRequests.start(JobUndo.KIND, dryRun, changes, id, request,
                (progress, metaData) -> undo.run(id, progress, metaData));
    }

    /** Every failed row of a job as CSV: row (imports count the header as row 1), number, reason. */
    @GetMapping("/{id}/errors")
    void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        found(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"job-" + id + "-errors.csv\"");
        try (DidExportWriter csv = DidExportWriter.csv(response.getOutputStream())) {
            csv.write(List.of("row", "number", "reason"));
            jobs.eachError(id, error -> {
                List<String> cells = new ArrayList<>(3);
                cells.add(error.row() == null ? "" : error.row().toString());
                cells.add(SpreadsheetText.neutralised(error.number()));
                cells.add(SpreadsheetText.neutralised(error.reason()));
                csv.write(cells);
            });
        }
    }

    private JobReport found(UUID id) {
        return jobs.find(id).orElseThrow(() -> DomainException.notFound("JOB_NOT_FOUND", "No job " + id));
    }
}
