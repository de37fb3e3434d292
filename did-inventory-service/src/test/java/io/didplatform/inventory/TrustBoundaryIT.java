package io.didplatform.inventory;

import io.didplatform.security.AccessRules;
import io.didplatform.security.Caller;
import io.didplatform.security.GatewayTokens;
import io.didplatform.testing.TestGatewayTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service trusts only the gateway: a request is served when it carries a token the gateway signed for this
 * service, the role it states may send it, and the actor of what it causes is the token's caller, whatever the
 * request's own headers say.
 */
class TrustBoundaryIT extends InventoryITBase {
    private static final String SERVICE = "did-inventory-service";

    @Test
    void refusesACallThatDidNotComeThroughTheGateway() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor", "mallory");

        ResponseEntity<Map> refused = new TestRestTemplate().exchange(http.getRootUri() + "/api/operators",
                HttpMethod.POST, new HttpEntity<>(Map.of("name", "Mallory's"), headers), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(refused.getBody()).containsEntry("code", "UNAUTHENTICATED").containsEntry("status", 401)
                .containsEntry("detail", "Call this API through the gateway: the request carries no gateway token.");
        assertThat(jdbc.queryForObject("select count(*) from operator_view where name = 'Mallory''s'", Long.class)).isZero();
    }

    @Test
    void theErrorPageAskedForDirectlyIsNoApiAndAPageThatIsNoNumberIsRefused() {
        ResponseEntity<Map> error = new TestRestTemplate().getForEntity(http.getRootUri() + "/error", Map.class);
        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(error.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(error.getBody()).containsEntry("code", "NOT_FOUND").containsEntry("detail", "No API at /error");

        ResponseEntity<Map> page = http.exchange("/api/operators?page=abc", HttpMethod.GET,
                new HttpEntity<>(as("audrey", AccessRules.AUDITOR)), Map.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).containsEntry("code", "INVALID_PAGE")
                .containsEntry("detail", "page must be one whole number, 0 for the first page");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"forged", "expired", "for another service", "not a token"})
    void refusesATokenTheGatewayDidNotSignForThisServiceNow(String kind) {
        Caller admin = new Caller("mallory", Set.of(AccessRules.ADMIN));
        String token = switch (kind) {
            case "forged" -> new GatewayTokens("a-guessed-secret-that-is-long-enough-0123456789")
                    .sign(admin, SERVICE, Instant.now());
            case "expired" -> TestGatewayTokens.token(SERVICE, admin, Instant.now().minusSeconds(120));
            case "for another service" -> TestGatewayTokens.token("audit-service", admin, Instant.now());
            default -> "admin";
        };
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);

        ResponseEntity<Map> refused = http.exchange("/api/operators", HttpMethod.GET, new HttpEntity<>(headers), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).containsEntry("code", "UNAUTHENTICATED");
    }

    @Test
    void checksTheRoleTheTokenStates() {
        HttpHeaders auditor = as("audrey", AccessRules.AUDITOR);
        auditor.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<Map> write = http.exchange("/api/operators", HttpMethod.POST,
                new HttpEntity<>(Map.of("name", "Audited"), auditor), Map.class);
        ResponseEntity<Map> read = http.exchange("/api/operators", HttpMethod.GET, new HttpEntity<>(auditor), Map.class);
        ResponseEntity<Map> delete = http.exchange("/api/dids/15550000001", HttpMethod.DELETE,
                new HttpEntity<>(as("olga", AccessRules.OPERATOR)), Map.class);

        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(write.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(write.getBody()).containsEntry("code", "ACCESS_DENIED")
                .containsEntry("detail", "Your role may not POST /api/operators.");
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theActorOfEveryEventIsTheTokensCallerNotAHeader() {
        HttpHeaders headers = as("alice", AccessRules.OPERATOR);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor", "mallory");
        String number = "1799" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);

        ResponseEntity<Map> operator = http.exchange("/api/operators", HttpMethod.POST,
                new HttpEntity<>(Map.of("name", "Alice's " + UUID.randomUUID()), headers), Map.class);
        // a bulk job's commands run after the request: the actor is read from the token before
        ResponseEntity<Map> dids = http.exchange("/api/dids", HttpMethod.POST, new HttpEntity<>(Map.of(
                "numbers", List.of(number), "operatorId", operator.getBody().get("id"), "status", "IN_STOCK"), headers),
                Map.class);

        assertThat(operator.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(dids.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.ACCEPTED);
        assertThat(actorsOfEvents(operator.getBody().get("id").toString())).containsExactly("alice");
        await().atMost(Duration.ofSeconds(30)).until(() -> !actorsOfEvents(number).isEmpty());
        assertThat(actorsOfEvents(number)).containsExactly("alice");
    }

    @Test
    void leavesHealthOpen() {
        assertThat(new TestRestTemplate().getForEntity(http.getRootUri() + "/actuator/health", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private List<String> actorsOfEvents(String aggregate) {
        return jdbc.queryForList("select convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' from domain_event_entry"
                + " where aggregate_identifier = ?", String.class, aggregate);
    }
}
