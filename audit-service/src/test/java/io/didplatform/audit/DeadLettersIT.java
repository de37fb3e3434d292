package io.didplatform.audit;

import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.contracts.inventory.OperatorCreated;
import io.didplatform.contracts.inventory.OperatorUpdated;
import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.testing.DeadLetterEndpoint;
import io.didplatform.testing.PoisonRecords;
import io.didplatform.testing.PoisonRecords.Written;
import io.didplatform.testing.RestApi;
import io.didplatform.testing.TestProducer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.didplatform.testing.DeadLetterEndpoint.ofEvent;
import static io.didplatform.testing.DeadLetterEndpoint.ofRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison isolation in the audit's batch ingestion: a record that is no event this service can read, or one the
 * database refuses, waits in the dead letters ({@code /api/admin/audit/dead-letters}) while the records around it
 * in the same poll are stored.
 */
class DeadLettersIT extends AuditITBase {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    TestRestTemplate http;
    @Autowired
    CloudEventCodec codec;

    RestApi api;
    DeadLetterEndpoint deadLetters;
    PoisonRecords poison;
    TestProducer producer;

    @BeforeEach
    void setUp() {
        api = new RestApi(http);
        deadLetters = new DeadLetterEndpoint(api, "audit");
        poison = new PoisonRecords();
        producer = new TestProducer();
    }

    @AfterEach
    void tearDown() {
        producer.close();
        poison.close();
    }

    @Test
    void recordsThatAreNoEventsOrOfAnUnknownTypeAreDeadLetteredAndTheEventsBehindThemAreStored() {
        String operator = UUID.randomUUID().toString();
        String packageId = UUID.randomUUID().toString();
        String client = UUID.randomUUID().toString();
        List<Written> garbage = List.of(poison.notACloudEvent(INVENTORY_TOPIC, operator),
                poison.notACloudEvent(PACKAGE_TOPIC, packageId), poison.notACloudEvent(CLIENT_TOPIC, client));
        List<Written> unknown = List.of(poison.unknownType(INVENTORY_TOPIC, operator),
                poison.unknownType(PACKAGE_TOPIC, packageId), poison.unknownType(CLIENT_TOPIC, client));
        publish(INVENTORY_TOPIC, operator, new OperatorCreated(operator, "Carrier", ""));
        publish(PACKAGE_TOPIC, packageId, new PackageCreated(packageId, "Gold", 5, List.of(), "", PackageStatus.ACTIVE));
        publish(CLIENT_TOPIC, client, new ClientCreated(client, "ACME", "noc@acme.test", ClientStatus.ACTIVE));

        for (String history : List.of("operators/" + operator, "packages/" + packageId, "clients/" + client)) {
            await().atMost(WAIT).until(() -> api.get("/api/audit/" + history + "/history").getStatusCode() == HttpStatus.OK);
        }
        for (Written record : garbage) {
            assertThat(deadLetters.matching(ofRecord(record))).singleElement().satisfies(letter -> {
                assertThat(letter).containsEntry("consumer", record.topic() + ".audit-service");
                assertThat((String) letter.get("error")).contains("not a readable CloudEvent");
            });
        }
        for (Written record : unknown) {
            assertThat(deadLetters.matching(ofEvent(record.eventId()))).singleElement().satisfies(letter -> {
                assertThat(letter).containsEntry("consumer", record.topic() + ".audit-service")
                        .containsEntry("type", PoisonRecords.UNKNOWN_TYPE);
                assertThat((String) letter.get("error")).contains("unknown event type " + PoisonRecords.UNKNOWN_TYPE);
            });
        }
    }

    @Test
    void anEventTheDatabaseRefusesIsDeadLetteredAndTheEventsAroundItAreStored() {
        String operator = UUID.randomUUID().toString();
        publish(INVENTORY_TOPIC, operator, new OperatorCreated(operator, "Carrier", ""));
        // PostgreSQL's jsonb refuses the escaped U+0000 the JSON of this event carries
        String refused = publish(INVENTORY_TOPIC, operator, new OperatorUpdated(operator, "Carrier", "a\u0000b"));
        publish(INVENTORY_TOPIC, operator, new OperatorUpdated(operator, "Carrier Two", ""));

        await().atMost(WAIT).until(() -> !deadLetters.matching(ofEvent(refused)).isEmpty());
        Map<String, Object> letter = deadLetters.matching(ofEvent(refused)).get(0);
        assertThat(letter).containsEntry("consumer", INVENTORY_TOPIC + ".audit-service")
                .containsEntry("type", "did.OperatorUpdated.v1").containsEntry("aggregate", operator);
        await().atMost(WAIT).untilAsserted(() -> assertThat((List<?>) api.get("/api/audit/operators/" + operator + "/history")
                .getBody().get("content")).hasSize(2));

        assertThat(deadLetters.retry(letter.get("id")).getBody()).containsEntry("code", "DEAD_LETTER_STILL_FAILS");
        assertThat(deadLetters.discard(letter.get("id")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(deadLetters.matching(ofEvent(refused))).isEmpty();
    }

    /** Publishes the event as its producing service would; returns its id. */
    private String publish(String topic, String subject, Object payload) {
        EventMessage<?> message = GenericEventMessage.asEventMessage(payload);
        producer.send(topic, subject, codec.encode(message, subject));
        return message.getIdentifier();
    }
}
