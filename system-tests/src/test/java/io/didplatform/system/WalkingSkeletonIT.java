package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 2's acceptance, as a new user tries it: through the gateway, across services, over Kafka. */
class WalkingSkeletonIT {
    private static Api admin;
    private static Api auditor;
    private static Api anonymous;

    @BeforeAll
    static void startPlatform() {
        String gateway = RunningPlatform.get().gatewayUrl();
        admin = new Api(gateway, "admin", "admin");
        auditor = new Api(gateway, "auditor", "auditor");
        anonymous = new Api(gateway, null, null);
    }

    @Test
    void operatorCreatedThroughTheGatewayReachesTheAuditLogWithItsActor() {
        Api.Response created = admin.post("/api/operators", Map.of("name", "Skeleton Carrier"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode events = auditor.get("/api/audit/events?subject=" + id).body().path("content");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).path("type").asText()).isEqualTo("did.OperatorCreated.v1");
            assertThat(events.get(0).path("actor").asText()).isEqualTo("admin");
            assertThat(events.get(0).path("at").asText()).isNotBlank();
        });
    }

    @Test
    void callsWithoutCredentialsAreRefused() {
        assertThat(anonymous.get("/api/operators").status()).isEqualTo(401);
        assertThat(new Api(RunningPlatform.get().gatewayUrl(), "admin", "wrong").get("/api/operators").status())
                .isEqualTo(401);
    }

    @Test
    void aServiceTakesNoCallThatBypassesTheGateway() {
        Api direct = new Api(RunningPlatform.get().serviceUrl("did-inventory-service"), "admin", "admin");

        Api.Response refused = direct.post("/api/operators", Map.of("name", "Sneaked in"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void anAuditorMayReadButNotCreate() {
        assertThat(auditor.post("/api/operators", Map.of("name", "Not allowed")).status()).isEqualTo(403);
        assertThat(auditor.get("/api/operators").status()).isEqualTo(200);
    }

    @Test
    void badInputIsAProblemWithADetail() {
        Api.Response refused = admin.post("/api/operators", Map.of("nmae", "typo"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("nmae");
    }
}
