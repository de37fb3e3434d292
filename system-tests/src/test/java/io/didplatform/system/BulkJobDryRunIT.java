package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 19's dry runs through the gateway: a preview of a bulk job, then the real run; the audit log shows only it. */
class BulkJobDryRunIT extends SystemITBase {
    @Test
    void aDryRunPreviewsTheJobAndOnlyTheRealRunReachesTheInventoryAndTheAuditLog() {
        String prefix = "1556" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String operatorId = admin.post("/api/operators", Map.of("name", "Dry run " + prefix)).text("id");
        Map<String, Object> request = Map.of("numbers", List.of(prefix + "1", prefix + "2", "12ab"), "operatorId", operatorId);

        JsonNode preview = finished(admin.post("/api/dids?dryRun=true", request));
        assertThat(preview.path("dryRun").asBoolean()).isTrue();
        assertThat(preview.path("succeeded").asLong()).isEqualTo(2);
        assertThat(preview.path("failed").asLong()).isEqualTo(1);
        assertThat(preview.path("errors").get(0).path("number").asText()).isEqualTo("12ab");
        assertThat(admin.get("/api/dids/" + prefix + "1").status()).isEqualTo(404);

        JsonNode real = finished(admin.post("/api/dids", request));
        assertThat(real.path("dryRun").asBoolean()).isFalse();
        assertThat(real.path("succeeded").asLong()).isEqualTo(2);

        JsonNode deletePreview = finished(admin.send("DELETE", "/api/dids?dryRun=true",
                Map.of("numbers", List.of(prefix + "1", prefix + "2"))));
        assertThat(deletePreview.path("succeeded").asLong()).isEqualTo(2);
        assertThat(admin.get("/api/dids/" + prefix + "1").status()).isEqualTo(200);

        // the audit log has each DID's creation by the real run, and nothing of either dry run
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode events = auditor.get("/api/audit/events?subject=" + prefix + "1").body().path("content");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).path("type").asText()).isEqualTo("did.DidCreated.v1");
        });
    }

    private static JsonNode finished(Api.Response started) {
        assertThat(started.status()).isIn(200, 202);
        String location = "/api/dids/jobs/" + started.text("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(admin.get(location).text("state")));
        return admin.get(location).body();
    }
}
