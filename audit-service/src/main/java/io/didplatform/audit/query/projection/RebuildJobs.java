package io.didplatform.audit.query.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.audit.query.projection.ProjectionFingerprint.Fingerprint;
import io.didplatform.support.web.DomainException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs {@link ProjectionRebuild} as a job: {@link #start} records it RUNNING and returns at once, a background
 * thread rebuilds. The job's row is locked by the rebuild's own transaction, which also writes the report and
 * COMPLETED, so the projections and the job commit together: a rebuild either replaced every projection and says
 * so, or changed nothing. A failure rolls the rebuild back and records FAILED with the reason; a stop of the
 * instance rolls it back too, and its row, no longer locked by anyone, is set FAILED at the next start-up.
 * One rebuild at a time (a unique index on the RUNNING row, so across instances as well).
 */
@Component
public class RebuildJobs implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(RebuildJobs.class);
    private static final TypeReference<LinkedHashMap<String, Long>> ROWS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ProjectionRebuild rebuild;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    RebuildJobs(JdbcTemplate jdbc, ProjectionRebuild rebuild, PlatformTransactionManager transactions, ObjectMapper json,
                Clock clock) {
        this.jdbc = jdbc;
        this.rebuild = rebuild;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /** A rebuild as the API shows it; the report's fields appear once it finished. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RebuildJob(UUID id, State state, String actor, Instant startedAt, Instant finishedAt, Long events,
                             Fingerprint before, Fingerprint after, Boolean identical, Long tookMillis, String detail) {
        public boolean finished() {
            return state != State.RUNNING;
        }
    }

    public enum State {
        RUNNING, COMPLETED, FAILED
    }

    /** Records a RUNNING rebuild and starts it in the background; 409 {@code REBUILD_RUNNING} if one is running. */
    public RebuildJob start(String actor) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("insert into rebuild_job (id, state, actor, started_at) values (?, 'RUNNING', ?, ?)",
                    id, actor, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            String running = jdbc.queryForList("select id from rebuild_job where state = 'RUNNING'", String.class)
                    .stream().findFirst().orElse("?");
            throw DomainException.conflict("REBUILD_RUNNING",
                    "A rebuild of the projections is already running: /api/audit/rebuild/" + running);
        }
        worker.execute(() -> run(id));
        return find(id).orElseThrow();
    }

    public Optional<RebuildJob> find(UUID id) {
        return jdbc.query("select * from rebuild_job where id = ?", this::job, id).stream().findFirst();
    }

    private void run(UUID id) {
        try {
            transaction.executeWithoutResult(status -> {
                // held until the rebuild commits: a start-up elsewhere sees this job alive and leaves it alone
                List<String> state = jdbc.queryForList("select state from rebuild_job where id = ? for update",
                        String.class, id);
                if (!state.equals(List.of(State.RUNNING.name()))) {
                    log.warn("Rebuild {} was ended ({}) before it could start", id, state);
                    return;
                }
                ProjectionRebuild.Report report = rebuild.rebuild();
                jdbc.update("""
                        update rebuild_job set state = 'COMPLETED', finished_at = ?, events = ?,
                               before_rows = cast(? as jsonb), before_sha256 = ?, after_rows = cast(? as jsonb),
                               after_sha256 = ?, identical = ?, took_millis = ?
                        where id = ?
                        """, Timestamp.from(clock.instant()), report.events(), write(report.before().rows()),
                        report.before().sha256(), write(report.after().rows()), report.after().sha256(),
                        report.identical(), report.tookMillis(), id);
            });
        } catch (RuntimeException | Error e) {
            log.error("Rebuild {} failed; the projections are as they were before it", id, e);
            jdbc.update("update rebuild_job set state = 'FAILED', finished_at = ?, detail = ? where id = ? and state = 'RUNNING'",
                    Timestamp.from(clock.instant()), "The rebuild failed and was rolled back, the projections are unchanged: "
                            + e.getMessage(), id);
        }
    }

    /**
     * Sets FAILED every RUNNING rebuild that no transaction is working on (its instance stopped mid-way). A rebuild
     * running elsewhere holds its row locked and is skipped. Returns how many were set FAILED.
     */
    public int failInterrupted() {
        return jdbc.update("""
                update rebuild_job set state = 'FAILED', finished_at = ?,
                       detail = 'Interrupted by a stop of the service; its transaction was rolled back, the projections are unchanged'
                where id in (select id from rebuild_job where state = 'RUNNING' for update skip locked)
                """, Timestamp.from(clock.instant()));
    }

    /** Before the service takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        int failed = failInterrupted();
        if (failed > 0) {
            log.warn("{} projection rebuild(s) were interrupted by a stop and are now reported FAILED", failed);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private RebuildJob job(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        String beforeSha = rs.getString("before_sha256");
        String afterSha = rs.getString("after_sha256");
        return new RebuildJob(rs.getObject("id", UUID.class), State.valueOf(rs.getString("state")),
                rs.getString("actor"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), (Long) rs.getObject("events"),
                beforeSha == null ? null : new Fingerprint(rows(rs.getString("before_rows")), beforeSha),
                afterSha == null ? null : new Fingerprint(rows(rs.getString("after_rows")), afterSha),
                (Boolean) rs.getObject("identical"), (Long) rs.getObject("took_millis"), rs.getString("detail"));
    }

    private Map<String, Long> rows(String stored) {
        try {
            return json.readValue(stored, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rebuild report", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
