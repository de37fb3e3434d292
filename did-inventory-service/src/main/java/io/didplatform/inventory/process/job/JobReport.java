package io.didplatform.inventory.process.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bulk job as clients see it (docs/api.md), with its {@code kind}, {@code errorsOmitted} (errors beyond the
 * stored maximum are counted, not listed), {@code detail} (why a job FAILED) and its times. A {@code dryRun} job's report says what a real run would do;
 * it wrote nothing. {@code undoOf} names the job an UNDO job undoes; {@code undoneBy} the real undo (running or
 * completed) of this job, if any.
 */
public record JobReport(UUID id, String kind, boolean dryRun, JobState state, long total, long succeeded, long failed,
                        List<RowError> errors, long errorsOmitted, String detail, Instant createdAt,
                        Instant finishedAt, UUID undoOf, UUID undoneBy) {

    /** One failed row or number: {@code row} counts the header as row 1 in imports, null elsewhere. */
    public record RowError(Long row, String number, String reason) {
    }

    public boolean finished() {
        return state != JobState.RUNNING;
    }
}
