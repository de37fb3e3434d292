package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19's undo through the gateway: import a file as a dry run, read the preview, import it for real, undo it;
 * the DIDs are gone from stock and each one's audit history says created, then removed by the undo of the import.
 */
class BulkJobUndoIT {
    private static Api admin;
    private static Api operator;
    private static Api auditor;

    @BeforeAll
    static void startPlatform() {
        String gateway = RunningPlatform.get().gatewayUrl();
        admin = new Api(gateway, "admin", "admin");
        operator = new Api(gateway, "operator", "operator");
        auditor = new Api(gateway, "auditor", "auditor");
    }

    @Test
    void anImportedFileUndoneLeavesTheStockAndTheHistorySaysWhy() {
        String prefix = "1557" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String operatorId = admin.post("/api/operators", Map.of("name", "Undo " + prefix)).text("id");
        String file = String.join("\n", "did,tag", prefix + "1,undo", prefix + "2,undo", prefix + "3,undo");
        Map<String, String> form = Map.of("operatorId", operatorId);

        JsonNode preview = finished(admin.upload("/api/dids/import?dryRun=true", "dids.csv", file, form));
        assertThat(preview.path("dryRun").asBoolean()).isTrue();
        assertThat(preview.path("succeeded").asLong()).isEqualTo(3);
        assertThat(admin.get("/api/dids/" + prefix + "1").status()).isEqualTo(404);

        JsonNode imported = finished(admin.upload("/api/dids/import", "dids.csv", file, form));
        assertThat(imported.path("succeeded").asLong()).isEqualTo(3);
        String job = imported.path("id").asText();
        assertThat(admin.get("/api/dids/" + prefix + "1").status()).isEqualTo(200);
        assertThat(operator.post("/api/dids/jobs/" + job + "/undo", null).status()).isEqualTo(403);

        JsonNode undoPreview = finished(admin.post("/api/dids/jobs/" + job + "/undo?dryRun=true", null));
        assertThat(undoPreview.path("succeeded").asLong()).isEqualTo(3);
        assertThat(admin.get("/api/dids/" + prefix + "1").status()).isEqualTo(200);

        JsonNode undo = finished(admin.post("/api/dids/jobs/" + job + "/undo", null));
        assertThat(undo.path("kind").asText()).isEqualTo("UNDO");
        assertThat(undo.path("undoOf").asText()).isEqualTo(job);
        assertThat(undo.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(undo.path("succeeded").asLong()).isEqualTo(3);
        for (String number : List.of(prefix + "1", prefix + "2", prefix + "3")) {
            assertThat(admin.get("/api/dids/" + number).status()).isEqualTo(404);
        }
        assertThat(admin.get("/api/dids?number=" + prefix).body().path("content")).isEmpty();
        Api.Response again = admin.post("/api/dids/jobs/" + job + "/undo", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("code")).isEqualTo("JOB_ALREADY_UNDONE");

        // created → removed by undo of the import job
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode history = auditor.get("/api/audit/dids/" + prefix + "2/history").body().path("content");
            List<String> types = new ArrayList<>();
            history.forEach(entry -> types.add(entry.path("type").asText()));
            assertThat(types).containsExactly("did.DidCreated.v1", "did.DidChangeUndone.v1");
            assertThat(history.get(1).path("undoOfJob").asText()).isEqualTo(job);
            assertThat(history.get(1).path("actor").asText()).isEqualTo("admin");
            assertThat(history.get(1).path("changes").path("status").path("from").asText()).isEqualTo("IN_STOCK");
            assertThat(history.get(1).path("changes").path("status").path("to").isNull()).isTrue();
        });
    }

    private static JsonNode finished(Api.Response started) {
        assertThat(started.status()).isIn(200, 202);
        String location = "/api/dids/jobs/" + started.text("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(admin.get(location).text("state")));
        return admin.get(location).body();
    }
}
