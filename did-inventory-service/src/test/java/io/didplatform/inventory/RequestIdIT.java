package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.contracts.Topics;
import io.didplatform.security.RequestIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request id the gateway passes on ({@code X-Request-Id}) is the correlation id of the events the request causes,
 * unless the caller chose one ({@code X-Correlation-Id}), and names the request's log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIT extends InventoryITBase {
    private TopicWatcher published;

    @BeforeEach
    void watchTheTopic() {
        published = new TopicWatcher(Topics.DID_INVENTORY, json);
    }

    @AfterEach
    void stopWatching() throws InterruptedException {
        published.close();
    }

    @Test
    void theRequestsIdCorrelatesItsEvents() {
        String operator = createOperator(Map.of(RequestIds.HEADER, "abc-123"));

        assertThat(correlationOfOperatorCreated(operator)).isEqualTo("abc-123");
    }

    @Test
    void aCorrelationIdTheCallerChoseWins() {
        String operator = createOperator(Map.of(RequestIds.HEADER, "abc-456", "X-Correlation-Id", "flow-7"));

        assertThat(correlationOfOperatorCreated(operator)).isEqualTo("flow-7");
    }

    @Test
    void theRequestIsALogLineNamedByItsId(CapturedOutput log) {
        createOperator(Map.of(RequestIds.HEADER, "abc-789"));

        assertThat(log.getOut()).containsPattern("\\[abc-789\\] .*POST /api/operators -> 201 in \\d+ ms");
    }

    private String createOperator(Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        extraHeaders.forEach(headers::set);
        ResponseEntity<Map> created = http.exchange("/api/operators", HttpMethod.POST,
                new HttpEntity<>(Map.of("name", "Correlated " + UUID.randomUUID()), headers), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").toString();
    }

    private String correlationOfOperatorCreated(String operator) {
        List<JsonNode> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> published.seen("did.OperatorCreated.v1", operator), seen -> !seen.isEmpty());
        return events.get(0).path("correlationid").asText();
    }
}
