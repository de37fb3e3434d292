package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        assertThat(services).contains("inventory", "packages", "clients", "audit", "gateway");
    }

    @Test
    void aClientDidThatClientServiceShowsOtherwiseThanInventoryIsNamedAcrossServices() throws SQLException {
        Scenarios.OrdinaryWork work = Scenarios.ordinaryWork(admin, "Across", "1668", 3);
        String number = work.prefix() + "002";
        // client-service learns of the client package from package.events
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.post("/api/clients/" + work.clientId() + "/dids",
                Map.of("number", number, "clientPackageId", work.clientPackageId(),
                        "destination", "sip:" + number + "@pbx.across.test")).status() < 300);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(summary(admin.get("/api/admin/reconciliation?settle=5").body())).isEmpty());
        JsonNode clean = admin.get("/api/admin/reconciliation?settle=0").body();
        assertThat(crossService(clean).path("figures").path("heldInClientDids").asLong()).isPositive();

        try (Connection clients = RunningPlatform.get().database("client-service")) {
            String changed = "update client_did_view set destination = ? where number = ?";
            try (PreparedStatement change = clients.prepareStatement(changed)) {
                change.setString(1, "sip:elsewhere@pbx.across.test");
                change.setString(2, number);
                assertThat(change.executeUpdate()).isEqualTo(1);
            }
            try {
                JsonNode report = admin.get("/api/admin/reconciliation?settle=3").body();
                assertThat(report.path("clean").asBoolean()).isFalse();
                JsonNode check = crossService(report);
                assertThat(check.path("differenceCount").asLong()).isEqualTo(1);
                JsonNode difference = check.path("differences").get(0);
                assertThat(difference.path("kind").asText()).isEqualTo("CLIENT_DID_DIFFERS");
                assertThat(difference.path("ids").get(0).asText()).isEqualTo(number);
                assertThat(difference.path("detail").asText()).contains("sip:elsewhere@pbx.across.test");
            } finally {
                try (PreparedStatement restore = clients.prepareStatement(changed)) {
                    restore.setString(1, "sip:" + number + "@pbx.across.test");
                    restore.setString(2, number);
                    restore.executeUpdate();
                }
            }
        }
        assertThat(summary(admin.get("/api/admin/reconciliation?settle=5").body())).isEmpty();

        // each side's page, as the gateway reads it
        Api.Response page = admin.get("/api/admin/clients/reconciliation/client-dids?after=" + work.prefix() + "001"
                + "&through=" + number + "&limit=10");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get(0).path("number").asText()).isEqualTo(number);
        assertThat(page.body().get(0).path("clientId").asText()).isEqualTo(work.clientId());
        assertThat(admin.get("/api/admin/inventory/reconciliation/client-dids?after=" + work.prefix() + "001"
                + "&through=" + number).body()).isEqualTo(page.body());
        assertThat(admin.get("/api/admin/inventory/reconciliation/client-dids?after=1%00").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/clients/reconciliation/client-dids?limit=10001").status()).isEqualTo(400);

        // given back: the client's DIDs drop it at once, inventory keeps it the client's while on hold; both agree
        assertThat(admin.delete("/api/clients/" + work.clientId() + "/dids/" + number).status()).isLessThan(300);
        // (the system tests' hold lasts seconds: it may be over, the DID in stock again, by the time it is seen)
        await().atMost(Duration.ofSeconds(60)).until(() -> !"ACTIVE".equals(admin.get("/api/dids/" + number).text("status")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(summary(admin.get("/api/admin/reconciliation?settle=5").body())).isEmpty());
    }

    @Test
    void onlyAdministratorsMayReconcile() {
        assertThat(operator.get("/api/admin/reconciliation").status()).isEqualTo(403);
    }

    private static JsonNode crossService(JsonNode report) {
        for (JsonNode instance : report.path("instances")) {
            if (instance.path("service").asText().equals("gateway")) {
                return instance.path("report").path("checks").get(0);
            }
        }
        throw new AssertionError("no check across services in " + report);
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
