package io.didplatform.inventory;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dry runs: the same job and row report as a real run, and nothing written, claimed, cached or published. */
class DryRunIT extends BulkJobITBase {
    private static final String CREATED = "did.DidCreated.v1";

    @Test
    void aDryRunImportReportsEveryRowAndWritesNothing() {
        create(prefix + "0001");
        create(prefix + "0003");
        assertThat(api.call(HttpMethod.DELETE, "/api/dids/" + prefix + "0003", null).getStatusCode().is2xxSuccessful())
                .isTrue();
        // 0003 was deleted before: a real run creates it again through the CreateDid command, not the batch
        byte[] file = String.join("\n", "did", prefix + "0000", prefix + "0001", prefix + "0000", "12ab",
                prefix + "0002", prefix + "0003").getBytes(StandardCharsets.UTF_8);

        Map<?, ?> dry = finished(upload(file, true));

        assertThat(dry.get("dryRun")).isEqualTo(true);
        assertThat(dry.get("state")).isEqualTo("COMPLETED");
        assertThat(dry.get("succeeded")).isEqualTo(3);
        assertThat(dry.get("failed")).isEqualTo(3);
        assertThat(reasons(dry)).anyMatch(reason -> reason.startsWith("already present: DID " + prefix + "0001"))
                .anyMatch(reason -> reason.startsWith("already present: DID " + prefix + "0000"));
        assertThat(stored("domain_event_entry", "aggregate_identifier")).isEqualTo(3);
        assertThat(jdbc.queryForList("select number from did_registry where number like ? and active", String.class,
                prefix + "%")).containsExactly(prefix + "0001");
        assertThat(api.get("/api/dids/" + prefix + "0003").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // the Kafka outbox publishes in store order: once a later DID is out, the dry run's would have been too
        create(prefix + "0009");
        await().atMost(Duration.ofSeconds(30)).until(() -> !published.seen(CREATED, prefix + "0009").isEmpty());
        assertThat(published.seen(CREATED, prefix + "0000")).isEmpty();
        assertThat(published.seen(CREATED, prefix + "0002")).isEmpty();

        Map<?, ?> real = finished(upload(file, false));
        assertThat(real.get("dryRun")).isEqualTo(false);
        assertThat(real.get("succeeded")).isEqualTo(3);
        assertThat(real.get("failed")).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> !published.seen(CREATED, prefix + "0002").isEmpty());
    }

    @Test
    void aDryRunMassDeleteOrEditLeavesEveryDidAsItWas() {
        create(prefix + "1000");
        create(prefix + "1001");
        List<String> numbers = List.of(prefix + "1000", prefix + "1001", prefix + "1999");

        Map<?, ?> delete = finished(api.call(HttpMethod.DELETE, "/api/dids?dryRun=true", Map.of("numbers", numbers)));
        Map<?, ?> edit = finished(api.call(HttpMethod.PATCH, "/api/dids?dryRun=true",
                Map.of("numbers", numbers, "tag", "dry")));

        for (Map<?, ?> job : List.of(delete, edit)) {
            assertThat(job.get("dryRun")).isEqualTo(true);
            assertThat(job.get("succeeded")).isEqualTo(2);
            assertThat(job.get("failed")).isEqualTo(1);
            assertThat(reasons(job)).containsExactly("No DID " + prefix + "1999");
        }
        assertThat(stored("domain_event_entry", "aggregate_identifier")).isEqualTo(2);
        Map<?, ?> did = api.get("/api/dids/" + prefix + "1000").getBody();
        assertThat(did.get("status")).isEqualTo("IN_STOCK");
        assertThat(did.get("tag")).isNull();
        // the aggregate cache kept nothing of the rolled-back edit and delete: a real edit goes through
        ResponseEntity<Map> edited = api.call(HttpMethod.PATCH, "/api/dids/" + prefix + "1000", Map.of("tag", "real"));
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(edited.getBody().get("tag")).isEqualTo("real");
        Map<?, ?> recent = (Map<?, ?>) ((List<?>) api.get("/api/dids/jobs?size=1").getBody().get("content")).get(0);
        assertThat(recent.get("id")).isEqualTo(edit.get("id"));
        assertThat(recent.get("dryRun")).isEqualTo(true);
    }

    @Test
    void oneNumberIsNotDryRun() {
        ResponseEntity<Map> refused = api.call(HttpMethod.POST, "/api/dids?dryRun=true",
                Map.of("number", prefix + "2000", "operatorId", operator));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("code")).isEqualTo("DRY_RUN_NOT_SUPPORTED");
    }

    private void create(String number) {
        assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("number", number, "operatorId", operator))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private long stored(String table, String column) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " like ?", Long.class,
                prefix + "%");
    }

    private static List<String> reasons(Map<?, ?> job) {
        return ((List<?>) job.get("errors")).stream().map(error -> (String) ((Map<?, ?>) error).get("reason")).toList();
    }
}
