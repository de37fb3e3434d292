package io.didplatform.inventory.process.job;

import io.didplatform.contracts.inventory.UndoneChange;
import io.didplatform.support.jdbc.SqlOrder;
import io.didplatform.support.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Jobs in PostgreSQL, so progress is visible to every instance and survives restarts. */
@Component
class JobStore {
    private static final SqlOrder ORDER = new SqlOrder(Map.of(
            "createdAt", "created_at", "finishedAt", "finished_at", "kind", "kind", "state", "state", "total", "total",
            "succeeded", "succeeded", "failed", "failed", "actor", "actor"), "created_at desc, id", "id");
    /** A job's real undo, running or completed (the column {@code undone_by}); a failed or cancelled one does not count. */
    private static final String UNDONE_BY = """
            (select u.id from did_job u where u.undo_of = did_job.id and not u.dry_run
             and u.state in ('RUNNING', 'COMPLETED') limit 1) as undone_by
            """;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** Progress is saved outside the work's transaction: a dry run's rollback must keep it. */
    private final TransactionTemplate ownTransaction;

    JobStore(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a RUNNING job; {@code undoOf} names the job an undo undoes. Of two real undos of one job (two instances
     * asked at once), the database admits one: the other is refused with {@code JOB_ALREADY_UNDONE}.
     */
    void create(UUID id, String kind, boolean dryRun, long total, String actor, String owner, UUID undoOf) {
        try {
            jdbc.update("""
                    insert into did_job (id, kind, dry_run, state, total, actor, owner, created_at, heartbeat_at, undo_of)
                    values (?, ?, ?, 'RUNNING', ?, ?, ?, now(), now(), ?)""", id, kind, dryRun, total, actor, owner, undoOf);
        } catch (DuplicateKeyException e) {
            throw alreadyUndone(undoOf, find(undoOf, 0).map(JobReport::undoneBy).orElse(null));
        }
    }

    static DomainException alreadyUndone(UUID job, UUID undo) {
        return DomainException.conflict("JOB_ALREADY_UNDONE", "Job " + job + " is undone already"
                + (undo == null ? "" : " (by job " + undo + ")"));
    }

    /** How many of a job's changes are not undone yet. */
    long changesToUndo(UUID job) {
        return jdbc.queryForObject("select count(*) from did_job_change where job_id = ? and not undone", Long.class, job);
    }

    /** A page of a job's changes not undone yet, in number order after {@code after} (null: from the first). */
    List<JobChange> changesToUndo(UUID job, String after, int limit) {
        return jdbc.query("""
                select number, change, first_sequence, last_sequence from did_job_change
                where job_id = ? and not undone and number > coalesce(?, '') order by number limit ?""",
                (row, i) -> new JobChange(row.getString(1), UndoneChange.valueOf(row.getString(2)), row.getLong(3),
                        row.getLong(4)), job, after, limit);
    }

    /** Saves the counters and new errors; answers whether someone asked to cancel the job. */
    boolean progress(UUID id, long total, long succeeded, long failed, long omitted, List<JobReport.RowError> newErrors) {
        return Boolean.TRUE.equals(ownTransaction.execute(
                status -> saveProgress(id, total, succeeded, failed, omitted, newErrors)));
    }

    private boolean saveProgress(UUID id, long total, long succeeded, long failed, long omitted,
                                 List<JobReport.RowError> newErrors) {
        if (!newErrors.isEmpty()) {
            jdbc.batchUpdate("insert into did_job_error (job_id, row_no, number, reason) values (?, ?, ?, ?)",
                    newErrors, 500, (statement, error) -> {
                        statement.setObject(1, id);
                        statement.setObject(2, error.row());
                        statement.setString(3, error.number() == null ? null : truncate(error.number(), 64));
                        statement.setString(4, truncate(error.reason(), 500));
                    });
        }
        return jdbc.queryForList("""
                update did_job set total = ?, succeeded = ?, failed = ?, errors_omitted = ?, heartbeat_at = now()
                where id = ? returning cancel_requested_by is not null""", Boolean.class,
                total, succeeded, failed, omitted, id).stream().anyMatch(Boolean.TRUE::equals);
    }

    /** Asks the instance running the job to stop; false when the job is not running. */
    boolean requestCancel(UUID id, String actor) {
        return jdbc.update("update did_job set cancel_requested_by = ? where id = ? and state = 'RUNNING'",
                truncate(actor, 255), id) > 0;
    }

    void note(UUID id, String detail) {
        jdbc.update("update did_job set detail = ? where id = ? and state = 'RUNNING'", truncate(detail, 1000), id);
    }

    /** The newest jobs first, without their row errors. */
    List<JobSummary> recent(JobState state, String kind, Sort sort, int offset, int limit) {
        return jdbc.query("""
                select id, kind, dry_run, state, total, succeeded, failed, detail, actor, cancel_requested_by, created_at,
                       finished_at, undo_of, """ + UNDONE_BY + """
                from did_job where (?::text is null or state = ?::text) and (?::text is null or kind = ?::text)"""
                + ORDER.of(sort) + " limit ? offset ?",
                (row, i) -> new JobSummary(row.getObject("id", UUID.class), row.getString("kind"), row.getBoolean("dry_run"),
                        JobState.valueOf(row.getString("state")), row.getLong("total"), row.getLong("succeeded"),
                        row.getLong("failed"), row.getString("detail"), row.getString("actor"),
                        row.getString("cancel_requested_by"), row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant(),
                        row.getObject("undo_of", UUID.class), row.getObject("undone_by", UUID.class)),
                state == null ? null : state.name(), state == null ? null : state.name(), kind, kind, limit, offset);
    }

    long count(JobState state, String kind) {
        return jdbc.queryForObject("""
                select count(*) from did_job where (?::text is null or state = ?::text) and (?::text is null or kind = ?::text)""",
                Long.class, state == null ? null : state.name(), state == null ? null : state.name(), kind, kind);
    }

    /** Every stored row error of a job, in row order, for its report. */
    void eachError(UUID id, Consumer<JobReport.RowError> sink) {
        jdbc.query("select row_no, number, reason from did_job_error where job_id = ? order by row_no nulls last, id",
                (RowCallbackHandler) row -> sink.accept(new JobReport.RowError(
                        (Long) row.getObject(1), row.getString(2), row.getString(3))), id);
    }

    void finish(UUID id, JobState state, String detail) {
        jdbc.update("update did_job set state = ?, detail = ?, finished_at = now() where id = ? and state = 'RUNNING'",
                state.name(), detail == null ? null : truncate(detail, 1000), id);
    }

    void heartbeat(String owner) {
        jdbc.update("update did_job set heartbeat_at = now() where owner = ? and state = 'RUNNING'", owner);
    }

    /** Ends, as FAILED, every RUNNING job this instance owned before it (re)started or whose owner went silent. */
    int failInterrupted(String owner, Duration silence) {
        return jdbc.update("""
                update did_job set state = 'FAILED', finished_at = now(),
                       detail = 'Interrupted: the service instance running it stopped before it finished'
                where state = 'RUNNING' and (owner = ? or heartbeat_at < ?)""",
                owner, Timestamp.from(clock.instant().minus(silence)));
    }

    Optional<JobReport> find(UUID id, int maxErrors) {
        List<JobReport.RowError> errors = jdbc.query(
                "select row_no, number, reason from did_job_error where job_id = ? order by row_no nulls last, id limit ?",
                (row, i) -> new JobReport.RowError((Long) row.getObject(1), row.getString(2), row.getString(3)),
                id, maxErrors);
        return jdbc.query("select *, " + UNDONE_BY + " from did_job where id = ?", (row, i) -> new JobReport(
                row.getObject("id", UUID.class), row.getString("kind"), row.getBoolean("dry_run"),
                JobState.valueOf(row.getString("state")), row.getLong("total"), row.getLong("succeeded"), row.getLong("failed"), errors,
                row.getLong("errors_omitted"), row.getString("detail"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant(),
                row.getObject("undo_of", UUID.class), row.getObject("undone_by", UUID.class)),
                id).stream().findFirst();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
