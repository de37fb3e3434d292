package io.didplatform.inventory.process.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A bulk job in the list of recent jobs: its counters and who started it, without its row errors; what it undoes
 * (an UNDO job) or which job undid it.
 */
public record JobSummary(UUID id, String kind, boolean dryRun, JobState state, long total, long succeeded, long failed,
                         String detail, String actor, String cancelRequestedBy, Instant createdAt,
                         Instant finishedAt, UUID undoOf, UUID undoneBy) {
}
