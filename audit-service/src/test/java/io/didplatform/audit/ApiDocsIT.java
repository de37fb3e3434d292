package io.didplatform.audit;

import io.didplatform.testing.ApiDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's OpenAPI document, as the gateway serves it at /v3/api-docs/audit: every endpoint, with its problems. */
class ApiDocsIT extends AuditITBase {

    @Test
    void describesEveryEndpointWithItsProblemAnswers() {
        ApiDocument docs = ApiDocument.read(http, json);

        assertThat(docs.paths()).contains("/api/audit/events", "/api/audit/export", "/api/admin/audit/dead-letters");
        assertThat(docs.operationsWithoutProblems()).isEmpty();
    }
}
