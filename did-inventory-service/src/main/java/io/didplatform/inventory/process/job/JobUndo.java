package io.didplatform.inventory.process.job;

import io.didplatform.contracts.inventory.UndoneChange;
import io.didplatform.inventory.command.did.DidHistory;
import io.didplatform.inventory.command.did.UndoDidChange;
import io.didplatform.support.web.DomainException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The undo of a finished bulk job (docs/design.md, "Undo of a bulk job"): a job of kind {@value #KIND} that sends
 * one {@link UndoDidChange} per DID the job changed ({@link JobChanges}). A created DID is removed, an edited one
 * gets its fields back, a deleted one returns; a DID changed since by anyone is left alone and reported as
 * {@code CHANGED_SINCE}. Nothing of the history is deleted: each undo is a new event.
 */
@Component
public class JobUndo {
    public static final String KIND = "UNDO";
    /** The kinds of job whose changes are recorded for an undo. */
    private static final Set<String> UNDOABLE = Set.of("CREATE_RANGE", "CREATE_LIST", "IMPORT", "MASS_UPDATE",
            "MASS_DELETE");
    private static final int PAGE = 1000;

    private final JobStore store;
    private final CommandGateway commands;
    private final DidHistory history;

    JobUndo(JobStore store, CommandGateway commands, DidHistory history) {
        this.store = store;
        this.commands = commands;
        this.history = history;
    }

    /**
     * How many changes an undo of job {@code id} would reverse; refused when there is no such job (404), or it cannot
     * be undone now (409: not undoable, running, undone already, nothing to undo).
     */
    public long changesToUndo(UUID id) {
        JobReport job = store.find(id, 0)
                .orElseThrow(() -> DomainException.notFound("JOB_NOT_FOUND", "No job " + id));
        if (!UNDOABLE.contains(job.kind()) || job.dryRun()) {
            throw DomainException.conflict("JOB_NOT_UNDOABLE", "Job " + id + " is " + (job.dryRun() ? "a dry run of " : "")
                    + job.kind() + "; only a real import, range, list creation, mass edit or mass delete can be undone");
        }
        if (!job.finished()) {
            throw DomainException.conflict("JOB_RUNNING", "Job " + id + " is still RUNNING; undo it once it has finished");
        }
        if (job.undoneBy() != null) {
            throw JobStore.alreadyUndone(id, job.undoneBy());
        }
        long changes = store.changesToUndo(id);
        if (changes == 0) {
            throw DomainException.conflict("NOTHING_TO_UNDO", "Job " + id + " changed no DID that is not undone already");
        }
        return changes;
    }

    /** Undoes every change of job {@code id} not undone yet, in number order; {@code metaData} goes on each command. */
    public void run(UUID id, JobProgress progress, Map<String, ?> metaData) {
        String after = null;
        List<JobChange> page;
        do {
            String from = after;
            page = progress.step(() -> store.changesToUndo(id, from, PAGE));
            page.forEach(change -> undo(id, change, progress, metaData));
            after = page.isEmpty() ? after : page.get(page.size() - 1).number();
        } while (page.size() == PAGE);
    }

    private void undo(UUID id, JobChange change, JobProgress progress, Map<String, ?> metaData) {
        try {
            UndoDidChange command = new UndoDidChange(change.number(), id, change.change(), change.last(),
                    change.change() == UndoneChange.EDIT ? history.before(change.number(), change.first()) : null);
            progress.step(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
            progress.succeeded(1);
        } catch (DomainException e) {
            progress.failed(null, change.number(), e.code() + ": " + e.getMessage());
        } catch (AggregateNotFoundException e) {
            progress.failed(null, change.number(), "No DID " + change.number());
        }
    }
}
