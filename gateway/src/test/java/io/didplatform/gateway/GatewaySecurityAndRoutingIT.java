package io.didplatform.gateway;

import io.didplatform.security.Caller;
import io.didplatform.security.GatewayTokens;
import io.didplatform.security.InvalidGatewayToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway in front of real HTTP stand-ins for the four services: who may do what, and where requests go. */
class GatewaySecurityAndRoutingIT extends GatewayITBase {
    @LocalServerPort
    int port;

    @Test
    void refusesApiCallsWithoutCredentials() {
        client.get().uri("/api/operators").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refusesAPathWithAnEncodedNulAsAProblemSayingWhy() {
        client.get().uri(URI.create("http://127.0.0.1:" + port + "/api/dids/%00123")).headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("REQUEST_REJECTED")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("%00"));
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

    @ParameterizedTest
    @CsvSource({"/api/audit/%65xport?format=csv", "/api/audit/export;x=1?format=csv", "/api//audit/events/export"})
    void refusesOperatorsTheAuditExportHoweverItsPathIsSpelled(String path) {
        // 403 by the role rules, or 400 from Spring Security's firewall for paths it finds suspicious
        client.get().uri(URI.create("http://127.0.0.1:" + port + path)).headers(h -> h.setBasicAuth("operator", "operator"))
                .exchange().expectStatus().value(status -> assertThat(status).isIn(400, 403));
    }

    @Test
    void tellsTheServiceWhoCallsInATokenSignedForItAndDropsWhatTheCallerClaimed() throws Exception {
        Echo echo = echoOf(client.post().uri("/api/operators").headers(h -> h.setBasicAuth("operator", "operator"))
                .header("X-Actor", "mallory")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Carrier A\"}"));

        assertThat(echo.backend()).isEqualTo("inventory");
        assertThat(echo.method()).isEqualTo("POST");
        assertThat(echo.actors()).isEmpty();
        assertThat(echo.authorizations()).hasSize(1).allSatisfy(value -> assertThat(value).startsWith("Bearer "));
        GatewayTokens tokens = new GatewayTokens(secret);
        assertThat(tokens.verify(echo.token(), "did-inventory-service", Instant.now()))
                .isEqualTo(new Caller("operator", Set.of("OPERATOR")));
        assertThatThrownBy(() -> tokens.verify(echo.token(), "audit-service", Instant.now()))
                .isInstanceOf(InvalidGatewayToken.class);
    }

    @Test
    void signsACallersTokenOnceAndReusesIt() {
        String first = echoOf(client.get().uri("/api/clients").headers(h -> h.setBasicAuth("auditor", "auditor"))).token();
        String second = echoOf(client.get().uri("/api/clients/7").headers(h -> h.setBasicAuth("auditor", "auditor"))).token();

        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/operators/42, inventory, did-inventory-service",
            "GET, /api/dids, inventory, did-inventory-service",
            "POST, /api/dids/import, inventory, did-inventory-service",
            "GET, /api/routing/15550000001, inventory, did-inventory-service",
            "GET, /api/packages, packages, package-service",
            "POST, /api/client-packages/7/deactivate, packages, package-service",
            "GET, /api/clients, clients, client-service",
            "POST, /api/clients/9/dids/15550000001/block, clients, client-service",
            "GET, /api/audit/dids/15550000001/history, audit, audit-service"})
    void routesEachPathToItsServiceWithATokenForIt(String method, String path, String backend, String service)
            throws Exception {
        Echo echo = echoOf(client.method(HttpMethod.valueOf(method)).uri(path).headers(h -> h.setBasicAuth("admin", "admin")));

        assertThat(echo.backend()).isEqualTo(backend);
        assertThat(echo.path()).isEqualTo(path);
        assertThat(new GatewayTokens(secret).verify(echo.token(), service, Instant.now()).name()).isEqualTo("admin");
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

    @Test
    void keepsTheOtherActuatorEndpointsForAdmins() {
        client.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/info").headers(h -> h.setBasicAuth("operator", "operator"))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/actuator/info").headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isOk();
    }

    /** What a stand-in service received. */
    record Echo(String backend, String method, String path, List<String> actors, List<String> authorizations,
                List<String> requestIds) {
        String token() {
            assertThat(authorizations).hasSize(1);
            return authorizations.get(0).substring("Bearer ".length());
        }
    }

    private static Echo echoOf(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectStatus().isOk().expectBody(Echo.class).returnResult().getResponseBody();
    }
}
