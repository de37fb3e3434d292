package io.didplatform.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.contracts.Topics;
import io.didplatform.testing.KafkaTestConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ClientLifecycleIT extends ClientITBase {
    @Test
    void createdAndUpdatedClientIsPublishedAndListed() throws Exception {
        ResponseEntity<Map> created = api.call(HttpMethod.POST, "/api/clients",
                Map.of("name", "Acme Telecom", "email", "noc@acme.example"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/clients/" + id);
        assertThat(created.getBody()).containsEntry("status", "ACTIVE");

        ResponseEntity<Map> updated = api.call(HttpMethod.PUT, "/api/clients/" + id,
                Map.of("name", "Acme Telecom Ltd", "email", "ops@acme.example", "status", "SUSPENDED"));
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);

        try (KafkaTestConsumer topic = new KafkaTestConsumer(Topics.CLIENT)) {
            JsonNode createdEvent = json.readTree(topic.awaitRecord(r -> id.equals(r.key())
                    && r.value().contains("client.ClientCreated.v1"), Duration.ofSeconds(30)).value());
            assertThat(createdEvent.get("subject").asText()).isEqualTo(id);
            assertThat(createdEvent.get("actor").asText()).isEqualTo("it-user");
            assertThat(createdEvent.get("data").get("email").asText()).isEqualTo("noc@acme.example");
            JsonNode updatedEvent = json.readTree(topic.awaitRecord(r -> id.equals(r.key())
                    && r.value().contains("client.ClientUpdated.v1"), Duration.ofSeconds(30)).value());
            assertThat(updatedEvent.get("data").get("status").asText()).isEqualTo("SUSPENDED");
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/clients/" + id).getBody())
                .containsEntry("name", "Acme Telecom Ltd").containsEntry("status", "SUSPENDED"));
        List<?> listed = (List<?>) api.get("/api/clients?size=500").getBody().get("content");
        assertThat(listed).anySatisfy(client -> assertThat(((Map<?, ?>) client).get("id")).isEqualTo(id));
    }

    @Test
    void theReconciliationReplaysClientPackagesFromPackageTopicAndNamesAHandChangedRow() {
        String clientId = api.createClient("Reconciled " + UUID.randomUUID());
        String clientPackageId = api.activePackage(clientId, "Reconciled", 3, List.of("nyc"));

        Map<?, ?> clean = clientPackagesCheck();
        assertThat(clean.get("differenceCount")).as(clean.toString()).isEqualTo(0);
        assertThat(((Map<?, ?>) clean.get("figures")).get("eventsReplayed")).isNotEqualTo(0);

        jdbc.update("update client_package_view set active = false where id = ?", clientPackageId);
        try {
            assertThat((List<?>) clientPackagesCheck().get("differences")).extracting(difference ->
                    ((Map<?, ?>) difference).get("kind") + " " + ((Map<?, ?>) difference).get("ids"))
                    .containsExactly("READ_MODEL_ROW_DIFFERS [" + clientPackageId + "]");
        } finally {
            jdbc.update("update client_package_view set active = true where id = ?", clientPackageId);
        }
    }

    /** The reconciliation's client-packages-vs-topic check of this instance. */
    private Map<?, ?> clientPackagesCheck() {
        ResponseEntity<Map> report = api.call(HttpMethod.GET, "/api/admin/clients/reconciliation", null);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<?>) report.getBody().get("checks")).stream().map(check -> (Map<?, ?>) check)
                .filter(check -> "client-packages-vs-topic".equals(check.get("check"))).findFirst().orElseThrow();
    }

    @Test
    void refusesInvalidClientsAndUnknownOnes() {
        ResponseEntity<Map> badEmail = api.call(HttpMethod.POST, "/api/clients", Map.of("name", "X", "email", "not-an-email"));
        assertThat(badEmail.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badEmail.getBody()).containsEntry("code", "INVALID_REQUEST");
        ResponseEntity<Map> badStatus = api.call(HttpMethod.POST, "/api/clients",
                Map.of("name", "X", "email", "x@example.com", "status", "GONE"));
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<Map> unknown = api.call(HttpMethod.PUT, "/api/clients/no-such-client",
                Map.of("name", "X", "email", "x@example.com", "status", "ACTIVE"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/clients/no-such-client").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/clients?sort=password").getBody()).containsEntry("code", "INVALID_SORT");
    }
}
