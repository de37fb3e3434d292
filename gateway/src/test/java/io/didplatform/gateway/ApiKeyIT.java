package io.didplatform.gateway;

import io.didplatform.security.Caller;
import io.didplatform.security.GatewayTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A switch's service account through the gateway, in front of a real HTTP stand-in for inventory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ApiKeyIT {
    private static final EchoBackend INVENTORY = EchoBackend.start("inventory");
    private static final String KEY = "Zr4kP0wq9XbV2nLc7TgH1sMd8yJf5uAe3oKi6RtBlQE";

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        registry.add("INVENTORY_URI", INVENTORY::uri);
        registry.add("did.security.service-accounts[0].name", () -> "switch-nyc");
        registry.add("did.security.service-accounts[0].api-key-sha256", () -> ApiKeyAuthenticationTest.sha256(KEY));
        registry.add("did.security.service-accounts[0].roles", () -> "AUDITOR");
    }

    WebTestClient client;
    @Value("${did.security.gateway-token.secret}")
    String secret;

    /** A first request on a busy machine may take longer than WebTestClient's default 5 s. */
    @Autowired
    void client(WebTestClient client) {
        this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    record Echo(String backend, List<String> authorizations, List<String> apiKeys) {
    }

    @Test
    void routesALookupWithTheAccountsKeyAsTheAccountAndKeepsTheKeyFromTheService() throws Exception {
        Echo echo = client.get().uri("/api/routing/15550000001").header(ApiKeyAuthentication.HEADER, KEY)
                .exchange().expectStatus().isOk().expectBody(Echo.class).returnResult().getResponseBody();

        assertThat(echo.backend()).isEqualTo("inventory");
        assertThat(echo.apiKeys()).isEmpty();
        assertThat(echo.authorizations()).hasSize(1);
        assertThat(new GatewayTokens(secret).verify(echo.authorizations().get(0).substring("Bearer ".length()),
                "did-inventory-service", Instant.now())).isEqualTo(new Caller("switch-nyc", Set.of("AUDITOR")));
    }

    @Test
    void refusesAWrongKeyEvenWithAValidPasswordBesideIt() {
        client.get().uri("/api/routing/15550000001").header(ApiKeyAuthentication.HEADER, KEY + "x")
                .headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        client.get().uri("/api/routing/15550000001").header(ApiKeyAuthentication.HEADER, "")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void givesTheAccountItsRolesOnly() {
        client.post().uri("/api/operators").header(ApiKeyAuthentication.HEADER, KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Carrier A\"}")
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("ACCESS_DENIED");
    }
}
