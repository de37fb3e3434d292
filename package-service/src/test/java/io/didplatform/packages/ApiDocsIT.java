package io.didplatform.packages;

import io.didplatform.testing.ApiDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's OpenAPI document, as the gateway serves it at /v3/api-docs/packages: every endpoint, with its problems. */
class ApiDocsIT extends PackageITBase {

    @Test
    void describesEveryEndpointWithItsProblemAnswers() {
        ApiDocument docs = ApiDocument.read(http, json);

        assertThat(docs.paths()).contains("/api/packages", "/api/packages/{id}", "/api/client-packages",
                "/api/admin/packages/dead-letters");
        assertThat(docs.operationsWithoutProblems()).isEmpty();
    }
}
