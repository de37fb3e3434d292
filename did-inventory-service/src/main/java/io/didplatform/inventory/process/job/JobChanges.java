package io.didplatform.inventory.process.job;

import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.contracts.inventory.UndoneChange;
import io.didplatform.support.axon.AxonSupportConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records what each bulk job changed, per DID, for its undo: the change and the sequence number of the DID's event
 * that made it. A job's commands and events carry its id ({@link #JOB_ID}); a subscribing processor runs this in the
 * transaction that stores the events, so the record exists exactly when the change does (a dry run rolls both
 * back). The changes of one unit of work (a batch creation's thousands) are written in one statement.
 */
@Component
@ProcessingGroup(AxonSupportConfiguration.COMMAND_LOOKUPS)
public class JobChanges {
    /** The metadata key naming the bulk job that sent a command; copied to the events it causes. */
    public static final String JOB_ID = "jobId";
    private static final String PENDING = JobChanges.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    JobChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Change(UndoneChange change, long first, long last) {
    }

    @EventHandler
    void on(DidCreated event, @MetaDataValue(JOB_ID) String jobId, @SequenceNumber Long sequence) {
        record(jobId, event.number(), UndoneChange.CREATION, sequence);
    }

    @EventHandler
    void on(DidUpdated event, @MetaDataValue(JOB_ID) String jobId, @SequenceNumber Long sequence) {
        record(jobId, event.number(), UndoneChange.EDIT, sequence);
    }

    @EventHandler
    void on(DidDeleted event, @MetaDataValue(JOB_ID) String jobId, @SequenceNumber Long sequence) {
        record(jobId, event.number(), UndoneChange.DELETION, sequence);
    }

    /** An undone change is not undone again (a second undo after one that failed or was cancelled skips it). */
    @EventHandler
    void on(DidChangeUndone event) {
        jdbc.update("update did_job_change set undone = true where job_id = ? and number = ?",
                event.undoneJobId(), event.number());
    }

    private void record(String jobId, String number, UndoneChange change, Long sequence) {
        if (jobId == null || sequence == null) {
            return; // not a bulk job's
        }
        pending(UUID.fromString(jobId)).merge(number, new Change(change, sequence, sequence),
                (earlier, later) -> new Change(earlier.change(), earlier.first(), later.last()));
    }

    /** This unit of work's changes of one job, written when it commits (in its transaction). */
    private Map<String, Change> pending(UUID jobId) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<UUID, Map<String, Change>> byJob = unitOfWork.getOrComputeResource(PENDING, key -> {
            Map<UUID, Map<String, Change>> changes = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> write(changes));
            return changes;
        });
        return byJob.computeIfAbsent(jobId, id -> new LinkedHashMap<>());
    }

    private void write(Map<UUID, Map<String, Change>> byJob) {
        byJob.forEach((jobId, changes) -> jdbc.batchUpdate("""
                insert into did_job_change (job_id, number, change, first_sequence, last_sequence)
                values (?, ?, ?, ?, ?)
                on conflict (job_id, number) do update set last_sequence = excluded.last_sequence""",
                List.copyOf(changes.entrySet()), 1000, (statement, entry) -> {
                    statement.setObject(1, jobId);
                    statement.setString(2, entry.getKey());
                    statement.setString(3, entry.getValue().change().name());
                    statement.setLong(4, entry.getValue().first());
                    statement.setLong(5, entry.getValue().last());
                }));
    }
}
