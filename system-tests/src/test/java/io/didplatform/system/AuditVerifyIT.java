package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19's tamper-evident audit, as a new user tries it through the gateway: a DID's audit verifies clean; one
 * audit row changed with SQL (as with psql), Verify names exactly that entry; an operator may not verify.
 */
class AuditVerifyIT {
    private static Api admin;
    private static Api auditor;
    private static Api operator;

    @BeforeAll
    static void startPlatform() {
        String gateway = RunningPlatform.get().gatewayUrl();
        admin = new Api(gateway, "admin", "admin");
        auditor = new Api(gateway, "auditor", "auditor");
        operator = new Api(gateway, "operator", "operator");
    }

    @Test
    void aRowChangedInTheDatabaseByHandIsNamedByVerify() throws Exception {
        String operatorId = admin.post("/api/operators", Map.of("name", "Verify Carrier")).text("id");
        String number = "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        assertThat(admin.post("/api/dids", Map.of("number", number, "operatorId", operatorId)).status()).isEqualTo(201);
        assertThat(admin.send("PATCH", "/api/dids/" + number, Map.of("notes", "first note")).status()).isEqualTo(200);
        assertThat(admin.send("PATCH", "/api/dids/" + number, Map.of("notes", "second note")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(auditor.get("/api/audit/verify?did=" + number).body().path("verified").asInt()).isEqualTo(3));
        JsonNode clean = auditor.get("/api/audit/verify?did=" + number).body();
        assertThat(clean.path("firstMismatch").isNull()).isTrue();
        assertThat(operator.get("/api/audit/verify?did=" + number).status()).isEqualTo(403);

        String changed = auditor.get("/api/audit/events?subject=" + number + "&sort=at,asc").body()
                .path("content").get(1).path("eventId").asText();
        try (Connection db = RunningPlatform.get().database("audit-service");
             PreparedStatement update = db.prepareStatement("update audit_event set actor = 'mallory' where event_id = ?")) {
            update.setString(1, changed);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        JsonNode tampered = auditor.get("/api/audit/verify?did=" + number).body();
        assertThat(tampered.path("verified").asInt()).isEqualTo(2);
        JsonNode mismatch = tampered.path("firstMismatch");
        assertThat(mismatch.path("eventId").asText()).isEqualTo(changed);
        assertThat(mismatch.path("check").asText()).isEqualTo("hash");
        assertThat(mismatch.path("streamSeq").asInt()).isEqualTo(2);
        assertThat(mismatch.path("changedFields").toString()).isEqualTo("[\"actor\"]");
        assertThat(mismatch.path("expected").asText()).isNotEqualTo(mismatch.path("stored").asText());
    }
}
