package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The undo of a finished bulk job (docs/api.md, "Undo of a bulk job"), over real Kafka and PostgreSQL: by new events,
 * leaving alone and reporting every DID changed since; a dry run of it writes nothing; what cannot be undone is 409.
 */
class BulkJobUndoIT extends BulkJobITBase {
    private static final String UNDONE = "did.DidChangeUndone.v1";

    @Test
    void anUndoneImportLeavesTheStockButNotADidChangedSince() {
        byte[] file = String.join("\n", "did,tag", prefix + "0001,a", prefix + "0002,a", prefix + "0003,a",
                prefix + "0004,a").getBytes(StandardCharsets.UTF_8);
        Map<?, ?> preview = finished(upload(file, true));
        assertThat(preview.get("succeeded")).isEqualTo(4);
        Map<?, ?> imported = finished(upload(file, false));
        assertThat(imported.get("succeeded")).isEqualTo(4);
        String job = (String) imported.get("id");
        // someone else changes one of them after the import
        assertThat(api.call(HttpMethod.PATCH, "/api/dids/" + prefix + "0003", Map.of("tag", "kept")).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        Map<?, ?> dryRun = finished(undo(job, true));
        assertThat(dryRun.get("kind")).isEqualTo("UNDO");
        assertThat(dryRun.get("dryRun")).isEqualTo(true);
        assertThat(dryRun.get("undoOf")).isEqualTo(job);
        assertThat(dryRun.get("succeeded")).isEqualTo(3);
        assertThat(dryRun.get("failed")).isEqualTo(1);
        assertThat(search()).hasSize(4);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?"
                + " and payload_type like '%DidChangeUndone'", Long.class, prefix + "%")).isZero();

        Map<?, ?> undone = finished(undo(job, false));
        assertThat(undone.get("state")).isEqualTo("COMPLETED");
        assertThat(undone.get("total")).isEqualTo(4);
        assertThat(undone.get("succeeded")).isEqualTo(3);
        assertThat(undone.get("failed")).isEqualTo(1);
        Map<?, ?> leftAlone = (Map<?, ?>) ((List<?>) undone.get("errors")).get(0);
        assertThat(leftAlone.get("number")).isEqualTo(prefix + "0003");
        assertThat((String) leftAlone.get("reason")).startsWith("CHANGED_SINCE: DID " + prefix + "0003 changed after job "
                + job);

        assertThat(search()).containsExactly(prefix + "0003");
        assertThat(api.get("/api/dids/" + prefix + "0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        await().atMost(Duration.ofSeconds(30)).until(() -> !published.seen(UNDONE, prefix + "0001").isEmpty());
        JsonNode event = published.seen(UNDONE, prefix + "0001").get(0);
        assertThat(event.path("data").path("undone").asText()).isEqualTo("CREATION");
        assertThat(event.path("data").path("undoneJobId").asText()).isEqualTo(job);
        assertThat(event.path("actor").asText()).isEqualTo(TEST_USER);
        assertThat(published.seen(UNDONE, prefix + "0003")).isEmpty();
        assertThat(api.get("/api/dids/jobs/" + job).getBody().get("undoneBy")).isEqualTo(undone.get("id"));
        Map<?, ?> listed = (Map<?, ?>) ((List<?>) api.get("/api/dids/jobs?kind=UNDO&size=1").getBody().get("content"))
                .get(0);
        assertThat(listed.get("id")).isEqualTo(undone.get("id"));
        assertThat(listed.get("undoOf")).isEqualTo(job);

        // the history stays: the number may be created again; the job may not be undone again
        assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("number", prefix + "0001", "operatorId", operator))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertRefused(undo(job, false), HttpStatus.CONFLICT, "JOB_ALREADY_UNDONE");
        assertRefused(undo(job, true), HttpStatus.CONFLICT, "JOB_ALREADY_UNDONE");
        assertRefused(undo((String) undone.get("id"), false), HttpStatus.CONFLICT, "JOB_NOT_UNDOABLE");
        assertRefused(undo((String) preview.get("id"), false), HttpStatus.CONFLICT, "JOB_NOT_UNDOABLE");
        assertRefused(undo(UUID.randomUUID().toString(), false), HttpStatus.NOT_FOUND, "JOB_NOT_FOUND");
    }

    @Test
    void anUndoneMassEditGivesBackTheFieldsAndAnUndoneMassDeleteTheDids() {
        List<String> numbers = List.of(prefix + "1000", prefix + "1001");
        numbers.forEach(number -> assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("number", number,
                "operatorId", operator, "tag", "before", "notes", "kept")).getStatusCode()).isEqualTo(HttpStatus.CREATED));

        Map<?, ?> edit = finished(api.call(HttpMethod.PATCH, "/api/dids",
                Map.of("numbers", numbers, "tag", "after", "status", "ARCHIVE")));
        assertThat(finished(undo((String) edit.get("id"), false)).get("succeeded")).isEqualTo(2);
        for (String number : numbers) {
            Map<?, ?> did = api.get("/api/dids/" + number).getBody();
            assertThat(did.get("tag")).isEqualTo("before");
            assertThat(did.get("notes")).isEqualTo("kept");
            assertThat(did.get("status")).isEqualTo("IN_STOCK");
        }

        Map<?, ?> delete = finished(api.call(HttpMethod.DELETE, "/api/dids", Map.of("numbers", numbers)));
        assertThat(search()).isEmpty();
        assertThat(finished(undo((String) delete.get("id"), false)).get("succeeded")).isEqualTo(2);
        assertThat(search()).containsExactlyElementsOf(numbers);
        assertThat(api.get("/api/dids/" + prefix + "1000").getBody().get("tag")).isEqualTo("before");
        // back in the registry too: the DID can be edited and deleted again
        assertThat(api.call(HttpMethod.DELETE, "/api/dids/" + prefix + "1000", null).getStatusCode().is2xxSuccessful())
                .isTrue();
    }

    @Test
    void twoUndosAtOnceOneWins() throws Exception {
        Map<?, ?> range = finished(api.call(HttpMethod.POST, "/api/dids",
                Map.of("range", prefix + "2000-" + prefix + "2049", "operatorId", operator)));
        String job = (String) range.get("id");

        CompletableFuture<ResponseEntity<Map>> first = CompletableFuture.supplyAsync(() -> undo(job, false));
        CompletableFuture<ResponseEntity<Map>> second = CompletableFuture.supplyAsync(() -> undo(job, false));
        List<ResponseEntity<Map>> answers = List.of(first.get(), second.get());

        assertThat(answers).filteredOn(answer -> answer.getStatusCode().is2xxSuccessful()).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == HttpStatus.CONFLICT).singleElement()
                .satisfies(refused -> assertThat(refused.getBody().get("code")).isEqualTo("JOB_ALREADY_UNDONE"));
        finished(answers.stream().filter(answer -> answer.getStatusCode().is2xxSuccessful()).findFirst().orElseThrow());
        assertThat(search()).isEmpty();
    }

    @Test
    void aJobThatChangedNothingOrIsRunningIsNotUndoneAndOnlyAnAdminMayUndo() {
        assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("number", prefix + "3000", "operatorId", operator,
                "tag", "same")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<?, ?> edit = finished(api.call(HttpMethod.PATCH, "/api/dids",
                Map.of("numbers", List.of(prefix + "3000"), "tag", "same")));
        assertRefused(undo((String) edit.get("id"), false), HttpStatus.CONFLICT, "NOTHING_TO_UNDO");

        // a job still running (as another instance would be running it) is not undone until it has finished
        UUID running = UUID.randomUUID();
        jdbc.update("""
                insert into did_job (id, kind, dry_run, state, actor, owner, created_at, heartbeat_at)
                values (?, 'IMPORT', false, 'RUNNING', 'someone', 'another-instance', now(), now())""", running);
        assertRefused(undo(running.toString(), false), HttpStatus.CONFLICT, "JOB_RUNNING");

        HttpHeaders operatorRole = as("operator", "OPERATOR");
        ResponseEntity<Map> refused = http.exchange("/api/dids/jobs/" + edit.get("id") + "/undo", HttpMethod.POST,
                new HttpEntity<>(operatorRole), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private List<String> search() {
        Map<?, ?> page = api.get("/api/dids?number=" + prefix + "&size=200").getBody();
        return ((List<?>) page.get("content")).stream().map(did -> (String) ((Map<?, ?>) did).get("number")).toList();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> undo(String job, boolean dryRun) {
        return api.call(HttpMethod.POST, "/api/dids/jobs/" + job + "/undo?dryRun=" + dryRun, null);
    }

    @SuppressWarnings("rawtypes")
    private static void assertRefused(ResponseEntity<Map> answer, HttpStatus status, String code) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().get("code")).isEqualTo(code);
    }
}
