package io.didplatform.gateway;

import io.didplatform.gateway.GatewaySecurityAndRoutingIT.Echo;
import io.didplatform.security.GatewayTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's description: each service's OpenAPI document is read through the gateway with the caller's token, like
 * any route, and one Swagger UI lists them all (what a document holds is each service's own test); the events'
 * AsyncAPI document is open.
 */
class ApiDocsIT extends GatewayITBase {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"inventory, inventory, did-inventory-service", "packages, packages, package-service",
            "clients, clients, client-service", "audit, audit, audit-service"})
    void readsEachServicesDocumentWithATokenForIt(String document, String backend, String service) throws Exception {
        Echo echo = client.get().uri("/v3/api-docs/" + document).headers(h -> h.setBasicAuth("auditor", "auditor"))
                .exchange().expectStatus().isOk().expectBody(Echo.class).returnResult().getResponseBody();

        assertThat(echo.backend()).isEqualTo(backend);
        assertThat(echo.path()).isEqualTo("/v3/api-docs");
        assertThat(new GatewayTokens(secret).verify(echo.token(), service, Instant.now()).name()).isEqualTo("auditor");
    }

    @Test
    void asksForCredentialsBeforeShowingADocument() {
        client.get().uri("/v3/api-docs/inventory").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void servesOneSwaggerUiListingEveryServicesDocument() {
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", SwaggerUiPolicy.CONTENT_SECURITY_POLICY);
        assertThat(SwaggerUiPolicy.CONTENT_SECURITY_POLICY).contains("style-src 'self' 'unsafe-inline';")
                .contains("script-src 'self';");
        // started by the gateway's own script, which sends the admin UI's login of the tab
        client.get().uri(SwaggerUiInitializer.PATH).exchange().expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("did-platform.auth")
                        .contains("requestInterceptor"));

        client.get().uri("/v3/api-docs/swagger-config").headers(h -> h.setBasicAuth("operator", "operator"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[?(@.name == 'did-inventory-service')].url").isEqualTo("/v3/api-docs/inventory")
                .jsonPath("$.urls[?(@.name == 'package-service')].url").isEqualTo("/v3/api-docs/packages")
                .jsonPath("$.urls[?(@.name == 'client-service')].url").isEqualTo("/v3/api-docs/clients")
                .jsonPath("$.urls[?(@.name == 'audit-service')].url").isEqualTo("/v3/api-docs/audit");
    }

    @Test
    void describesWhatTheGatewayAnswersItself() {
        client.get().uri("/v3/api-docs").headers(h -> h.setBasicAuth("operator", "operator"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/me'].get").exists();
    }

    @Test
    void servesTheEventsAsyncApiDocumentToAnyone() {
        String document = client.get().uri("/docs/asyncapi.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/yaml")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(document).contains("asyncapi: 3.0.0", "address: did-inventory.events", "address: package.events",
                "address: client.events", "name: did.DidHeld.v1");
    }
}
