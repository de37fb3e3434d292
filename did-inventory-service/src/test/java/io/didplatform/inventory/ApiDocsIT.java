package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.testing.ApiDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's OpenAPI document: every endpoint, the plain routing servlet included, guarded like the API. */
class ApiDocsIT extends InventoryITBase {

    @Test
    void describesTheControllersAndTheRoutingLookupWithTheirProblems() {
        ApiDocument docs = ApiDocument.read(http, json);

        JsonNode openApi = docs.json();
        assertThat(openApi.path("openapi").asText()).startsWith("3.");
        assertThat(openApi.path("servers").path(0).path("url").asText()).isEqualTo("/");
        assertThat(docs.paths()).contains("/api/dids", "/api/dids/{number}", "/api/operators", "/api/routing/{number}",
                "/api/admin/inventory/dead-letters", "/api/dids/jobs/{id}/undo");
        assertThat(docs.operationsWithoutProblems()).isEmpty();
        JsonNode routing = openApi.path("paths").path("/api/routing/{number}").path("get");
        assertThat(routing.path("responses").path("200").path("content").path("application/json")
                .path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/RoutingAnswer");
        assertThat(routing.path("responses").path("404").path("content").has("application/problem+json")).isTrue();
        assertThat(openApi.path("components").path("schemas").path("RoutingAnswer").path("properties").has("routable"))
                .isTrue();
        assertThat(openApi.path("components").path("schemas").path("Problem").path("properties").has("code")).isTrue();
    }

    @Test
    void refusesACallerWithoutAGatewayToken() {
        ResponseEntity<String> refused = new TestRestTemplate().getForEntity(http.getRootUri() + "/v3/api-docs",
                String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
