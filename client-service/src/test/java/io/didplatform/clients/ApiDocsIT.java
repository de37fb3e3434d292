package io.didplatform.clients;

import io.didplatform.testing.ApiDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's OpenAPI document, as the gateway serves it at /v3/api-docs/clients: every endpoint, with its problems. */
class ApiDocsIT extends ClientITBase {

    @Test
    void describesEveryEndpointWithItsProblemAnswers() {
        ApiDocument docs = ApiDocument.read(http, json);

        assertThat(docs.paths()).contains("/api/clients", "/api/clients/{id}", "/api/clients/{clientId}/dids",
                "/api/admin/clients/dead-letters");
        assertThat(docs.operationsWithoutProblems()).isEmpty();
    }
}
