package io.didplatform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.security.GatewayTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/admin/reconciliation}: asked of every instance of every service, each with a token signed for
 * its service; an instance that does not answer a report makes the whole one incomplete; ADMIN only.
 */
class ReconciliationFanOutIT extends GatewayITBase {
    private static final EchoBackend INVENTORY_1 = EchoBackend.start("inventory-1");
    private static final EchoBackend INVENTORY_2 = EchoBackend.start("inventory-2");

    /** Two instances of the inventory: a service's list of instances wins over its one instance's URI. */
    @DynamicPropertySource
    static void twoInventories(DynamicPropertyRegistry registry) {
        registry.add("INVENTORY_URIS", () -> INVENTORY_1.uri() + "," + INVENTORY_2.uri());
    }

    @Test
    void asksEveryInstanceOfEveryServiceWithItsOwnToken() throws Exception {
        // five instances asked at once: more than the test client's default 5 s on a loaded machine
        JsonNode report = client.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri("/api/admin/reconciliation").headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        List<String> asked = new ArrayList<>();
        for (JsonNode instance : report.get("instances")) {
            JsonNode echo = instance.get("report");
            if (instance.get("service").asText().equals("gateway")) {
                // the check across services: a stand-in's echo is no list of held DIDs
                assertThat(echo.at("/checks/0/check").asText()).isEqualTo("client-dids-vs-inventory");
                assertThat(echo.at("/checks/0/differences/0/kind").asText()).isEqualTo("CHECK_FAILED");
                assertThat(echo.get("complete").asBoolean()).isFalse();
                continue;
            }
            asked.add(echo.get("backend").asText() + " " + echo.get("path").asText());
            String token = echo.get("authorizations").get(0).asText().substring("Bearer ".length());
            String audience = switch (instance.get("service").asText()) {
                case "inventory" -> "did-inventory-service";
                case "packages" -> "package-service";
                case "clients" -> "client-service";
                default -> "audit-service";
            };
            assertThat(new GatewayTokens(secret).verify(token, audience, Instant.now()).name()).isEqualTo("admin");
        }
        assertThat(asked).containsExactlyInAnyOrder(
                "inventory-1 /api/admin/inventory/reconciliation", "inventory-2 /api/admin/inventory/reconciliation",
                "packages /api/admin/packages/reconciliation", "clients /api/admin/clients/reconciliation",
                "audit /api/admin/audit/reconciliation");
        // a stand-in's echo is no report: nothing could be checked, so nothing is clean
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("clean").asBoolean()).isFalse();
    }

    @Test
    void aSettleTimeOrLimitOutOfRangeIsRefusedWithItsCode() {
        client.get().uri("/api/admin/reconciliation?settle=601").headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_SETTLE");
        client.get().uri("/api/admin/reconciliation?limit=0").headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_LIMIT");
        client.get().uri("/api/admin/reconciliation?limit=many").headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    @Test
    void onlyAdministratorsMayAsk() {
        client.get().uri("/api/admin/reconciliation").headers(h -> h.setBasicAuth("operator", "operator"))
                .exchange().expectStatus().isForbidden();
    }
}
