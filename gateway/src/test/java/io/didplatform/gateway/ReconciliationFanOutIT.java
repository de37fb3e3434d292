package io.didplatform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.security.GatewayTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/admin/reconciliation}: asked of every instance of every service, each with a token signed for
 * its service; an instance that does not answer a report makes the whole one incomplete; ADMIN only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ReconciliationFanOutIT {
    private static final EchoBackend INVENTORY_1 = EchoBackend.start("inventory-1");
    private static final EchoBackend INVENTORY_2 = EchoBackend.start("inventory-2");
    private static final EchoBackend PACKAGES = EchoBackend.start("packages");
    private static final EchoBackend CLIENTS = EchoBackend.start("clients");
    private static final EchoBackend AUDIT = EchoBackend.start("audit");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INVENTORY_URIS", () -> INVENTORY_1.uri() + "," + INVENTORY_2.uri());
        registry.add("PACKAGE_URI", PACKAGES::uri);
        registry.add("CLIENT_URI", CLIENTS::uri);
        registry.add("AUDIT_URI", AUDIT::uri);
    }

    @Autowired
    WebTestClient client;
    @Value("${did.security.gateway-token.secret}")
    String secret;

    @Test
    void asksEveryInstanceOfEveryServiceWithItsOwnToken() throws Exception {
        // five instances asked at once: more than the test client's default 5 s on a loaded machine
        JsonNode report = client.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri("/api/admin/reconciliation").headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        List<String> asked = new ArrayList<>();
        for (JsonNode instance : report.get("instances")) {
            JsonNode echo = instance.get("report");
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
    void onlyAdministratorsMayAsk() {
        client.get().uri("/api/admin/reconciliation").headers(h -> h.setBasicAuth("operator", "operator"))
                .exchange().expectStatus().isForbidden();
    }
}
