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
 * Issue 17's oracle through the gateway: after ordinary work, every instance of every service answers its
 * reconciliation and none finds a difference; only an administrator may ask.
 */
class ReconciliationIT {
    private static Api admin;
    private static Api operator;

    @BeforeAll
    static void startPlatform() {
        String gateway = RunningPlatform.get().gatewayUrl();
        admin = new Api(gateway, "admin", "admin");
        operator = new Api(gateway, "operator", "operator");
    }

    @Test
    void cleanOnEveryInstanceAfterOrdinaryWork() {
        String operatorId = admin.post("/api/operators", Map.of("name", "Reconciled Carrier")).text("id");
        long first = 1_700_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L);
        for (int i = 0; i < 5; i++) {
            assertThat(admin.post("/api/dids", Map.of("number", "1" + (first + i), "operatorId", operatorId)).status())
                    .isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Api.Response answer = admin.get("/api/admin/reconciliation");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(summary(answer.body())).isEmpty();
            assertThat(answer.body().path("clean").asBoolean()).isTrue();
        });
        JsonNode report = admin.get("/api/admin/reconciliation").body();
        List<String> services = new ArrayList<>();
        report.path("instances").forEach(instance -> services.add(instance.path("service").asText()));
        assertThat(services).contains("inventory", "packages", "clients", "audit");
    }

    @Test
    void onlyAdministratorsMayReconcile() {
        assertThat(operator.get("/api/admin/reconciliation").status()).isEqualTo(403);
    }

    /** What is not clean, one line each, so a failure says what. */
    private static List<String> summary(JsonNode report) {
        List<String> problems = new ArrayList<>();
        report.path("instances").forEach(instance -> {
            if (!instance.path("error").isNull() && !instance.path("error").isMissingNode()) {
                problems.add(instance.path("service").asText() + ": " + instance.path("error").asText());
            }
            instance.path("report").path("checks").forEach(check -> check.path("differences").forEach(difference ->
                    problems.add(instance.path("service").asText() + " " + difference.path("kind").asText() + " "
                            + difference.path("ids") + " " + difference.path("detail").asText())));
        });
        return problems;
    }
}
