package io.didplatform.audit;

import io.didplatform.audit.query.AuditIngest;
import io.didplatform.audit.query.AuditIngest.Received;
import io.didplatform.audit.query.projection.Projector;
import io.didplatform.audit.query.projection.RebuildJobs;
import io.didplatform.support.kafka.CloudEventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rebuild as a job over HTTP: 202 with its location, RUNNING while it works, 409 for a second one meanwhile,
 * then COMPLETED with a report that proves the projections came out identical; a job left RUNNING by a stop
 * of the service is reported FAILED, one still being worked on is not.
 */
class RebuildJobIT extends AuditITBase {
    @Autowired
    AuditIngest ingest;
    @Autowired
    CloudEventCodec codec;
    @Autowired
    RebuildJobs jobs;
    @Autowired
    DataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void rebuildRunsAsAJobOneAtATimeAndReportsIdenticalProjections() throws Exception {
        DidLifecycle story = new DidLifecycle(codec);
        ingest.record(story.events.stream().map(e -> new Received(codec.decode(e.cloudEvent()), e.topic())).toList());

        ResponseEntity<Map> accepted;
        ResponseEntity<Map> second;
        String location;
        // holding the projection lock keeps the rebuild waiting, so the second request surely meets it RUNNING
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + Projector.PROJECTION_LOCK + ")");
            }
            accepted = http.postForEntity("/api/audit/rebuild", null, Map.class);
            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            location = accepted.getHeaders().getLocation().toString();
            assertThat(location).isEqualTo("/api/audit/rebuild/" + accepted.getBody().get("id"));
            assertThat(accepted.getBody()).containsEntry("state", "RUNNING").containsKey("startedAt")
                    .doesNotContainKeys("identical", "before", "after", "finishedAt");

            second = http.postForEntity("/api/audit/rebuild", null, Map.class);
            assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(second.getBody()).containsEntry("code", "REBUILD_RUNNING");
            assertThat((String) second.getBody().get("detail")).contains(location);

            // being worked on: a start-up sweep elsewhere leaves it alone
            assertThat(jobs.failInterrupted()).isZero();
            assertThat(http.getForObject(location, Map.class)).containsEntry("state", "RUNNING");
            blocker.rollback();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(http.getForObject(location, Map.class).get("state")));
        Map<String, Object> done = http.getForObject(location, Map.class);
        assertThat(done).containsEntry("state", "COMPLETED").containsEntry("identical", true)
                .containsKeys("startedAt", "finishedAt", "tookMillis").doesNotContainKey("detail");
        Map<String, Object> before = (Map<String, Object>) done.get("before");
        Map<String, Object> after = (Map<String, Object>) done.get("after");
        assertThat(after).isEqualTo(before);
        assertThat((String) after.get("sha256")).hasSize(64);
        assertThat((Map<String, Integer>) after.get("rows")).containsOnlyKeys("did_version", "entity_state", "history_entry")
                .allSatisfy((table, rows) -> assertThat(rows).isPositive());
        assertThat(((Number) done.get("events")).longValue()).isGreaterThanOrEqualTo(story.events.size());

        // finished: the next one may start
        ResponseEntity<Map> next = http.postForEntity("/api/audit/rebuild", null, Map.class);
        assertThat(next.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(
                http.getForObject(next.getHeaders().getLocation().toString(), Map.class).get("state")));
    }

    @Test
    void aRebuildLeftRunningByAStopIsReportedFailed() {
        UUID orphan = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from rebuild_job where state = 'RUNNING'", Integer.class) == 0);
        jdbc.update("insert into rebuild_job (id, state, actor, started_at) values (?, 'RUNNING', 'admin', now())", orphan);

        assertThat(jobs.failInterrupted()).isEqualTo(1);

        Map<String, Object> job = http.getForObject("/api/audit/rebuild/" + orphan, Map.class);
        assertThat(job).containsEntry("state", "FAILED").containsKey("finishedAt");
        assertThat((String) job.get("detail")).contains("Interrupted");
        assertThat(http.getForEntity("/api/audit/rebuild/" + UUID.randomUUID(), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
