package io.didplatform.audit.query.projection;

import io.didplatform.audit.query.projection.ProjectionFingerprint.Fingerprint;
import io.didplatform.support.kafka.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.List;

/**
 * Throws every projection away and projects the whole log again, in log order, in one transaction that holds
 * the projection lock exclusively (live events wait, then apply on top). Fingerprints taken before and after show
 * whether the rebuild reproduced exactly what was there.
 */
@Component
public class ProjectionRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final int PAGE = 2000;
    private static final RowMapper<StoredEvent> STORED = (rs, i) -> new StoredEvent(rs.getLong("seq"), new InboundEvent(
            rs.getString("event_id"), rs.getString("type"), rs.getString("source"), rs.getString("subject"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("correlation_id"),
            rs.getString("causation_id"), rs.getString("data"), null));

    private final JdbcTemplate jdbc;
    private final Projector projector;
    private final ProjectionFingerprint fingerprint;

    ProjectionRebuild(JdbcTemplate jdbc, Projector projector, ProjectionFingerprint fingerprint) {
        this.jdbc = jdbc;
        this.projector = projector;
        this.fingerprint = fingerprint;
    }

    public record Report(long events, Fingerprint before, Fingerprint after, boolean identical, long tookMillis) {
    }

    @Transactional
    public Report rebuild() {
        long started = System.nanoTime();
        projector.lockExclusive();
        Fingerprint before = fingerprint.take();
        jdbc.execute("truncate entity_state, history_entry, did_version");
        long events = 0;
        long after = 0;
        List<StoredEvent> page;
        do {
            // keyset pages in log order: every entity's events in the order they arrived
            page = jdbc.query("select * from audit_event where seq > ? order by seq limit ?", STORED, after, PAGE);
            projector.project(page);
            events += page.size();
            after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        } while (page.size() == PAGE);
        Fingerprint rebuilt = fingerprint.take();
        Report report = new Report(events, before, rebuilt, before.equals(rebuilt),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        log.info("Rebuilt the projections from {} events in {} ms: {}", events, report.tookMillis(),
                report.identical() ? "identical" : "DIFFERENT from before " + report);
        return report;
    }
}
