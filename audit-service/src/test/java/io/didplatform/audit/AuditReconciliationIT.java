package io.didplatform.audit;

import io.didplatform.contracts.inventory.OperatorUpdated;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.testing.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code audit-vs-topics} in {@code GET /api/admin/audit/reconciliation}: events published on the topics are all in
 * the audit log, and an event removed from the log by hand, or one added that no topic carries, is named by its id.
 * <p>
 * The test topics are shared with the other test classes (and earlier runs on the broker), so only this test's
 * events are looked at.
 */
class AuditReconciliationIT extends AuditITBase {
    private static final String PATH = "/api/admin/audit/reconciliation?limit=10000";
    private static final String CHECK = "audit-vs-topics";

    @Autowired
    CloudEventCodec codec;

    @Test
    void everyEventOnTheTopicsIsInTheLogAndAHandMadeDifferenceIsNamed() {
        List<String> published = List.of(publish(), publish(), publish());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from audit_event where event_id = any(?)", Integer.class,
                    (Object) published.toArray(String[]::new))).isEqualTo(published.size());
            Map<String, Object> report = reconcile();
            assertThat(report).containsEntry("complete", true);
            assertThat(differencesAbout(report, published)).isEmpty();
        });

        String removed = published.get(1);
        String madeUp = UUID.randomUUID().toString();
        jdbc.update("delete from audit_event where event_id = ?", removed);
        jdbc.update("""
                insert into audit_event (event_id, type, source, occurred_at, topic, cloud_event)
                values (?, 'inventory.OperatorUpdated.v1', '/did-inventory-service', now(), ?, '{}'::jsonb)""",
                madeUp, INVENTORY_TOPIC);

        assertThat(differencesAbout(reconcile(), List.of(published.get(0), removed, published.get(2), madeUp)))
                .extracting(difference -> difference.get("kind") + " " + difference.get("ids"))
                .containsExactlyInAnyOrder("MISSING_IN_AUDIT [" + removed + "]", "UNKNOWN_IN_AUDIT [" + madeUp + "]");
    }

    @Test
    void onlyAdministratorsMayReconcile() {
        ResponseEntity<String> refused = http.exchange(PATH, HttpMethod.GET,
                new HttpEntity<>(as("someone", "OPERATOR")), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Publishes an event as the inventory's outbox does, answering its id. */
    private String publish() {
        String id = UUID.randomUUID().toString();
        String operatorId = UUID.randomUUID().toString();
        byte[] event = codec.encode(new GenericEventMessage<>(id, new OperatorUpdated(operatorId, "Carrier", null),
                Map.of(), Instant.now()), operatorId);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(INVENTORY_TOPIC, operatorId, event);
            record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> reconcile() {
        ResponseEntity<Map> response = http.getForEntity(PATH, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The audit check's differences that name any of {@code ids}. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> differencesAbout(Map<String, Object> report, List<String> ids) {
        List<Map<String, Object>> found = new ArrayList<>();
        ((List<Map<String, Object>>) report.get("checks")).stream().filter(check -> CHECK.equals(check.get("check")))
                .flatMap(check -> ((List<Map<String, Object>>) check.get("differences")).stream())
                .filter(difference -> ((List<String>) difference.get("ids")).stream().anyMatch(ids::contains))
                .forEach(found::add);
        return found;
    }
}
