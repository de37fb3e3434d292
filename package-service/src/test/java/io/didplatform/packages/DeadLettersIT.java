package io.didplatform.packages;

import io.didplatform.contracts.Topics;
import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.support.deadletter.DeadLetterTopics;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.support.kafka.PlatformTopics;
import io.didplatform.testing.DeadLetterEndpoint;
import io.didplatform.testing.PoisonRecords;
import io.didplatform.testing.PoisonRecords.Written;
import io.didplatform.testing.RestApi;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static io.didplatform.testing.DeadLetterEndpoint.ofEvent;
import static io.didplatform.testing.DeadLetterEndpoint.ofRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison isolation: what a consumer cannot process waits in its dead letters, listed at
 * {@code /api/admin/packages/dead-letters}, while the events behind it flow.
 */
class DeadLettersIT extends PackageITBase {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    CloudEventCodec codec;
    @Autowired
    KafkaAdmin kafkaAdmin;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    InboundEvents inbound;
    PoisonRecords poison;
    RestApi api;
    DeadLetterEndpoint deadLetters;

    @BeforeEach
    void setUp() {
        inbound = new InboundEvents(kafka, codec);
        poison = new PoisonRecords();
        api = new RestApi(http);
        deadLetters = new DeadLetterEndpoint(api, "packages");
    }

    @AfterEach
    void tearDown() {
        poison.close();
    }

    @Test
    void everyTopicAndDeadLetterTopicKeepsEveryRecordAndATopicCreatedWithTheBrokersRetentionIsChanged()
            throws Exception {
        String createdEarlier = "retention-it-" + UUID.randomUUID();
        List<String> topics = List.of(Topics.DID_INVENTORY, Topics.PACKAGE, Topics.CLIENT,
                DeadLetterTopics.topicOf(Topics.DID_INVENTORY,
                        listeners.getListenerContainers().iterator().next().getGroupId()), createdEarlier);
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            admin.createTopics(List.of(new NewTopic(createdEarlier, 1, (short) 1))).all().get();
            await().atMost(WAIT).until(() -> admin.listTopics().names().get().contains(createdEarlier));
            kafkaAdmin.createOrModifyTopics(PlatformTopics.kept(createdEarlier, 1, (short) 1));

            Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList()).all().get();
            assertThat(configs).hasSize(topics.size()).allSatisfy((topic, config) -> {
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic.name()).isEqualTo("-1");
                assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).as(topic.name()).isEqualTo("-1");
            });
            admin.deleteTopics(List.of(createdEarlier)).all().get();
        }
    }

    @Test
    void recordsThatAreNoEventsOrOfAnUnknownTypeAreDeadLetteredAndTheEventsBehindThemAreProcessed() {
        String clientId = UUID.randomUUID().toString();
        Written clientGarbage = poison.notACloudEvent(Topics.CLIENT, clientId);
        Written clientUnknown = poison.unknownType(Topics.CLIENT, clientId);
        inbound.publish(Topics.CLIENT, clientId, new ClientCreated(clientId, "ACME", "noc@acme.test", ClientStatus.ACTIVE));
        String clientPackage = givePackage(clientId);

        String number = "19" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
        Written didGarbage = poison.notACloudEvent(Topics.DID_INVENTORY, number);
        Written didUnknown = poison.unknownType(Topics.DID_INVENTORY, number);
        inbound.publish(Topics.DID_INVENTORY, number, new DidAssigned(number, UUID.randomUUID(), clientId, clientPackage,
                "sip:a@pbx.example"));
        await().atMost(WAIT).until(() -> Integer.valueOf(1).equals(api.get("/api/client-packages/" + clientPackage)
                .getBody().get("used")));

        for (Written garbage : List.of(clientGarbage, didGarbage)) {
            assertThat(deadLetters.matching(ofRecord(garbage))).singleElement().satisfies(letter -> {
                assertThat((String) letter.get("consumer")).startsWith(garbage.topic() + ".package-service-it-");
                assertThat((String) letter.get("error")).contains("not a readable CloudEvent");
            });
        }
        for (Written unknown : List.of(clientUnknown, didUnknown)) {
            assertThat(deadLetters.matching(ofEvent(unknown.eventId()))).singleElement().satisfies(letter -> {
                assertThat((String) letter.get("consumer")).startsWith(unknown.topic() + ".package-service-it-");
                assertThat((String) letter.get("error")).contains("unknown event type " + PoisonRecords.UNKNOWN_TYPE);
            });
        }
    }

    @Test
    void aPackageWhoseRowCannotBeStoredIsDeadLetteredWhileLaterOnesAreListedAndStoredWhenRetriedOnceFixed() {
        String refusedName = "refused-" + UUID.randomUUID();
        String constraint = "refuses_" + refusedName.replace("-", "_");
        jdbc.execute("alter table package_view add constraint " + constraint + " check (name <> '" + refusedName + "')");
        String refused;
        try {
            refused = createPackage(refusedName);
            String later = createPackage("Later " + UUID.randomUUID());
            await().atMost(WAIT).until(() -> api.get("/api/packages/" + later).getStatusCode() == HttpStatus.OK);
            await().atMost(WAIT).until(() -> !deadLetters.matching(letter -> refused.equals(letter.get("aggregate"))).isEmpty());
            assertThat(deadLetters.matching(letter -> refused.equals(letter.get("aggregate")))).singleElement()
                    .satisfies(letter -> assertThat(letter).containsEntry("kind", "axon")
                            .containsEntry("consumer", "package-view").containsEntry("type", "package.PackageCreated.v1"));
            assertThat(api.get("/api/packages/" + refused).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        } finally {
            jdbc.execute("alter table package_view drop constraint " + constraint);
        }

        Object id = deadLetters.matching(letter -> refused.equals(letter.get("aggregate"))).get(0).get("id");
        assertThat(deadLetters.retry(id).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("/api/packages/" + refused).getBody()).containsEntry("name", refusedName);
        assertThat(deadLetters.matching(letter -> refused.equals(letter.get("aggregate")))).isEmpty();
    }

    private String createPackage(String name) {
        var created = api.call(HttpMethod.POST, "/api/packages", Map.of("name", name, "didLimit", 5, "tags", List.of()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    /** A client package for the client, which this service knows once client-service's event about it arrived. */
    private String givePackage(String clientId) {
        String packageId = createPackage("Gold " + UUID.randomUUID());
        AtomicReference<String> given = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            var answer = api.call(HttpMethod.POST, "/api/client-packages", Map.of("clientId", clientId, "packageId", packageId));
            if (answer.getStatusCode() == HttpStatus.CREATED) {
                given.set((String) answer.getBody().get("id"));
            }
            return given.get() != null;
        });
        return given.get();
    }
}
