package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.contracts.Topics;
import io.didplatform.security.AccessRules;
import io.didplatform.testing.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OperatorPublishingIT extends InventoryITBase {
    @Test
    void createdOperatorIsStoredPublishedAsCloudEventAndListed() throws Exception {
        HttpHeaders headers = as("carol", AccessRules.OPERATOR);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> created = http.postForEntity("/api/operators",
                new HttpEntity<>(Map.of("name", "Carrier IT"), headers), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");

        String storedEventId = jdbc.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ?", String.class, id);

        try (KafkaTestConsumer topic = new KafkaTestConsumer(Topics.DID_INVENTORY)) {
            ConsumerRecord<String, String> record = topic.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30));
            JsonNode event = json.readTree(record.value());
            assertThat(event.get("id").asText()).isEqualTo(storedEventId);
            assertThat(event.get("type").asText()).isEqualTo("did.OperatorCreated.v1");
            assertThat(event.get("subject").asText()).isEqualTo(id);
            assertThat(event.get("actor").asText()).isEqualTo("carol");
            assertThat(event.get("data").get("name").asText()).isEqualTo("Carrier IT");
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.getForEntity("/api/operators/" + id, Map.class).getBody()).containsEntry("name", "Carrier IT"));
    }

    @Test
    void unknownFieldIsRefusedAsProblem() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> refused = http.postForEntity("/api/operators",
                new HttpEntity<>(Map.of("nmae", "typo"), headers), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).containsEntry("detail", "Unknown field 'nmae'");
    }
}
