package io.didplatform.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway in front of real HTTP stand-ins for the four services: who may do what, and where requests go. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewaySecurityAndRoutingIT {
    private static final EchoBackend INVENTORY = EchoBackend.start("inventory");
    private static final EchoBackend PACKAGES = EchoBackend.start("packages");
    private static final EchoBackend CLIENTS = EchoBackend.start("clients");
    private static final EchoBackend AUDIT = EchoBackend.start("audit");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INVENTORY_URI", INVENTORY::uri);
        registry.add("PACKAGE_URI", PACKAGES::uri);
        registry.add("CLIENT_URI", CLIENTS::uri);
        registry.add("AUDIT_URI", AUDIT::uri);
    }

    @Autowired
    WebTestClient client;

    @Test
    void refusesApiCallsWithoutCredentials() {
        client.get().uri("/api/operators").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refusesAWrongPassword() {
        client.get().uri("/api/operators").headers(h -> h.setBasicAuth("admin", "wrong"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void answersScriptsWithoutABasicChallengeSoBrowsersShowNoPasswordPopup() {
        client.get().uri("/api/operators").header("X-Requested-With", "XMLHttpRequest")
                .headers(h -> h.setBasicAuth("admin", "wrong"))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void forbidsAuditorsToWrite() {
        client.post().uri("/api/operators").headers(h -> h.setBasicAuth("auditor", "auditor"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Carrier A\"}")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void forbidsOperatorsToDelete() {
        client.delete().uri("/api/dids/15550000001").headers(h -> h.setBasicAuth("operator", "operator"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void forbidsOperatorsToExportTheAuditLog() {
        client.get().uri("/api/audit/export?format=csv").headers(h -> h.setBasicAuth("operator", "operator"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("ACCESS_DENIED");
    }

    @Test
    void letsAuditorsReadAndExportTheAuditLog() {
        client.get().uri("/api/audit/export?format=csv").headers(h -> h.setBasicAuth("auditor", "auditor"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("audit");
    }

    @Test
    void passesTheAuthenticatedNameAsActorAndDropsAForgedOne() {
        client.post().uri("/api/operators").headers(h -> h.setBasicAuth("admin", "admin"))
                .header("X-Actor", "mallory")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Carrier A\"}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.backend").isEqualTo("inventory")
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.actors.length()").isEqualTo(1)
                .jsonPath("$.actors[0]").isEqualTo("admin");
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/operators/42, inventory",
            "GET, /api/dids, inventory",
            "POST, /api/dids/import, inventory",
            "GET, /api/routing/15550000001, inventory",
            "GET, /api/packages, packages",
            "POST, /api/client-packages/7/deactivate, packages",
            "GET, /api/clients, clients",
            "POST, /api/clients/9/dids/15550000001/block, clients",
            "GET, /api/audit/dids/15550000001/history, audit"})
    void routesEachPathToItsService(String method, String path, String backend) {
        client.method(HttpMethod.valueOf(method)).uri(path).headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.backend").isEqualTo(backend)
                .jsonPath("$.path").isEqualTo(path);
    }

    @Test
    void answersAPathNoServiceHasWithANotFoundProblem() {
        client.get().uri("/api/nope").headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.detail").isEqualTo("No API at /api/nope.")
                .jsonPath("$.instance").isEqualTo("/api/nope")
                .jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.timestamp").doesNotExist();
    }

    @Test
    void asksForCredentialsBeforeTellingWhetherAPathExists() {
        client.get().uri("/api/nope").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void answersAMethodAPathDoesNotTakeWithAProblemNamingTheOnesItDoes() {
        client.post().uri("/api/me").headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "GET")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED")
                .jsonPath("$.detail").isEqualTo("POST is not allowed on /api/me; it takes GET.");
    }

    @Test
    void tellsTheUiWhoIsLoggedInAndWithWhichRoles() {
        client.get().uri("/api/me").headers(h -> h.setBasicAuth("operator", "operator"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("operator")
                .jsonPath("$.roles[0]").isEqualTo("OPERATOR");
    }

    @Test
    void servesTheAdminUiWithoutAuthentication() {
        String page = client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("DID Platform");
        client.get().uri("/js/app.js").exchange().expectStatus().isOk();
    }

    @Test
    void leavesHealthOpen() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
