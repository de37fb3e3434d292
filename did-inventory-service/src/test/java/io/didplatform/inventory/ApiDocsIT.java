package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's OpenAPI document: every endpoint, the plain routing servlet included, guarded like the API. */
class ApiDocsIT extends InventoryITBase {

    @Test
    void describesTheControllersAndTheRoutingLookupWithTheirProblems() throws Exception {
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);

        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode openApi = json.readTree(docs.getBody());
        assertThat(openApi.path("openapi").asText()).startsWith("3.");
        assertThat(openApi.path("servers").path(0).path("url").asText()).isEqualTo("/");
        JsonNode paths = openApi.path("paths");
        assertThat(paths.has("/api/dids")).isTrue();
        assertThat(paths.has("/api/operators")).isTrue();
        JsonNode routing = paths.path("/api/routing/{number}").path("get");
        assertThat(routing.path("responses").path("200").path("content").path("application/json")
                .path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/RoutingAnswer");
        assertThat(routing.path("responses").path("404").path("content").has("application/problem+json")).isTrue();
        assertThat(paths.path("/api/dids").path("get").path("responses").path("default").path("content")
                .path("application/problem+json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(openApi.path("components").path("schemas").path("RoutingAnswer").path("properties").has("routable"))
                .isTrue();
    }

    @Test
    void refusesACallerWithoutAGatewayToken() {
        ResponseEntity<String> refused = new TestRestTemplate().getForEntity(http.getRootUri() + "/v3/api-docs",
                String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
