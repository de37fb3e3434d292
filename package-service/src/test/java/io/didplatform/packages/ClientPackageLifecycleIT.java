package io.didplatform.packages;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.contracts.Topics;
import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.contracts.clients.ClientUpdated;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.HoldReason;
import io.didplatform.security.AccessRules;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.testing.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The acceptance, over REST, PostgreSQL and Kafka. */
class ClientPackageLifecycleIT extends PackageITBase {
    private static final Duration KAFKA = Duration.ofSeconds(30);
    /** The DID topic is shared with inventory's tests, bulk imports included: give its consumer time. */
    private static final Duration DID_TOPIC = Duration.ofSeconds(90);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    CloudEventCodec codec;

    private InboundEvents inbound;
    private String clientId;

    @BeforeEach
    void aKnownClient() {
        inbound = new InboundEvents(kafka, codec);
        clientId = UUID.randomUUID().toString();
        inbound.publish(Topics.CLIENT, clientId, new ClientCreated(clientId, "ACME", "noc@acme.test", ClientStatus.ACTIVE));
        await().atMost(KAFKA).until(() -> jdbc.queryForObject("select count(*) from known_client where id = ?",
                Integer.class, clientId) == 1);
    }

    @Test
    void activatesDeactivatesOnceAndActivatesAgainOnKafkaKeyedByClientPackage() throws Exception {
        String packageId = createPackage("Gold " + UUID.randomUUID(), 2, List.of("nyc"));
        ResponseEntity<Map> given = post("/api/client-packages", Map.of("clientId", clientId, "packageId", packageId));
        assertThat(given.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(given.getBody()).containsEntry("status", "ACTIVE").containsEntry("didLimit", 2);
        String id = (String) given.getBody().get("id");

        try (KafkaTestConsumer topic = new KafkaTestConsumer(Topics.PACKAGE)) {
            JsonNode activated = json.readTree(topic.awaitRecord(
                    r -> id.equals(r.key()) && r.value().contains("PackageActivated"), KAFKA).value());
            assertThat(activated.get("data").get("didLimit").asInt()).isEqualTo(2);
            assertThat(activated.get("data").get("tags").get(0).asText()).isEqualTo("nyc");
            assertThat(activated.get("data").get("clientId").asText()).isEqualTo(clientId);

            assertThat(post("/api/client-packages/" + id + "/deactivate", null).getBody()).containsEntry("changed", true);
            assertThat(post("/api/client-packages/" + id + "/deactivate", null).getBody()).containsEntry("changed", false);
            ConsumerRecord<String, String> deactivated = topic.awaitRecord(
                    r -> id.equals(r.key()) && r.value().contains("PackageDeactivated"), KAFKA);
            JsonNode event = json.readTree(deactivated.value());
            assertThat(event.get("type").asText()).isEqualTo("package.PackageDeactivated.v1");
            assertThat(event.get("subject").asText()).isEqualTo(id);
            assertThat(event.get("actor").asText()).isEqualTo("carol");
            assertThat(event.get("data").get("reason").asText()).isEqualTo("MANUAL");

            assertThat(post("/api/client-packages/" + id + "/activate", null).getBody()).containsEntry("changed", true);
            topic.awaitRecord(r -> id.equals(r.key()) && r.value().contains("PackageActivated")
                    && r.offset() > deactivated.offset(), KAFKA);
            assertThat(topic.seen(r -> id.equals(r.key()) && r.value().contains("PackageDeactivated"))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.getForEntity("/api/client-packages/" + id, Map.class).getBody())
                        .containsEntry("status", "ACTIVE"));
    }

    @Test
    void deactivatesByItselfAtItsEndAsTheSystem() throws Exception {
        String packageId = createPackage("Timed " + UUID.randomUUID(), 1, List.of());
        ResponseEntity<Map> given = post("/api/client-packages", Map.of("clientId", clientId, "packageId", packageId,
                "endsAt", Instant.now().plus(Duration.ofHours(1)).toString()));
        assertThat(given.getBody()).containsEntry("status", "ACTIVE");
        String id = (String) given.getBody().get("id");

        try (KafkaTestConsumer topic = new KafkaTestConsumer(Topics.PACKAGE)) {
            comeDue(id);
            JsonNode event = json.readTree(topic.awaitRecord(
                    r -> id.equals(r.key()) && r.value().contains("PackageDeactivated"), KAFKA).value());
            assertThat(event.get("data").get("reason").asText()).isEqualTo("ENDED");
            assertThat(event.get("actor").asText()).isEqualTo("system");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.getForEntity("/api/client-packages/" + id, Map.class).getBody())
                        .containsEntry("status", "INACTIVE").containsEntry("deactivationReason", "ENDED"));
    }

    @Test
    void startsByItselfAtItsStart() {
        String packageId = createPackage("Later " + UUID.randomUUID(), 1, List.of());
        ResponseEntity<Map> given = post("/api/client-packages", Map.of("clientId", clientId, "packageId", packageId,
                "startsAt", Instant.now().plus(Duration.ofHours(1)).toString()));
        assertThat(given.getBody()).containsEntry("status", "PENDING");
        String id = (String) given.getBody().get("id");
        comeDue(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.getForEntity("/api/client-packages/" + id, Map.class).getBody())
                        .containsEntry("status", "ACTIVE"));
    }

    @Test
    void countsDidUsageOncePerNumberAndGuardsTheLimitAndDeletion() {
        String name = "Usage " + UUID.randomUUID();
        String packageId = createPackage(name, 2, List.of("nyc"));
        String id = (String) post("/api/client-packages", Map.of("clientId", clientId, "packageId", packageId))
                .getBody().get("id");

        byte[] first = inbound.cloudEvent("15550001", new DidAssigned("15550001", UUID.randomUUID(), clientId, id, "sip:a@pbx"));
        inbound.send(Topics.DID_INVENTORY, "15550001", first);
        inbound.send(Topics.DID_INVENTORY, "15550001", first);
        inbound.publish(Topics.DID_INVENTORY, "15550002", new DidAssigned("15550002", UUID.randomUUID(), clientId, id, "sip:b@pbx"));
        await().atMost(DID_TOPIC).untilAsserted(() -> assertThat(usedOf(id)).isEqualTo(2));

        ResponseEntity<Map> lowered = put("/api/packages/" + packageId, Map.of("name", name, "didLimit", 1, "tags", List.of("nyc")));
        assertThat(lowered.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lowered.getBody()).containsEntry("code", "DID_LIMIT_BELOW_USAGE");

        inbound.publish(Topics.DID_INVENTORY, "15550002",
                new DidHeld("15550002", id, HoldReason.RELEASED, Instant.now().plusSeconds(60), DidStatus.ACTIVE));
        inbound.publish(Topics.DID_INVENTORY, "15550002", new DidReleased("15550002", DidStatus.IN_STOCK));
        await().atMost(DID_TOPIC).untilAsserted(() -> assertThat(usedOf(id)).isEqualTo(1));
        assertThat(put("/api/packages/" + packageId, Map.of("name", name, "didLimit", 1, "tags", List.of("nyc")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<Map> refused = http.exchange("/api/packages/" + packageId, HttpMethod.DELETE, null, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("code", "PACKAGE_IN_USE");

        assertThat(http.exchange("/api/client-packages/" + id, HttpMethod.DELETE, null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.exchange("/api/packages/" + packageId, HttpMethod.DELETE, null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void theReconciliationReplaysUsageFromInventorysTopicAndNamesAHandChangedRow() {
        String packageId = createPackage("Reconciled " + UUID.randomUUID(), 2, List.of("nyc"));
        String id = (String) post("/api/client-packages", Map.of("clientId", clientId, "packageId", packageId))
                .getBody().get("id");
        String number = "1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        byte[] assigned = inbound.cloudEvent(number, new DidAssigned(number, UUID.randomUUID(), clientId, id, "sip:r@pbx"));
        inbound.send(Topics.DID_INVENTORY, number, assigned);
        inbound.send(Topics.DID_INVENTORY, number, assigned);
        await().atMost(DID_TOPIC).untilAsserted(() -> assertThat(usedOf(id)).isEqualTo(1));

        Map<?, ?> clean = usageCheck();
        assertThat(clean.get("differenceCount")).as(clean.toString()).isEqualTo(0);
        assertThat(((Map<?, ?>) clean.get("figures")).get("eventsReplayed")).isNotEqualTo(0);

        jdbc.update("update did_usage set client_package_id = 'elsewhere' where number = ?", number);
        try {
            assertThat((List<?>) usageCheck().get("differences")).extracting(difference ->
                    ((Map<?, ?>) difference).get("kind") + " " + ((Map<?, ?>) difference).get("ids"))
                    .containsExactly("READ_MODEL_ROW_DIFFERS [" + number + "]");
        } finally {
            jdbc.update("update did_usage set client_package_id = ? where number = ?", id, number);
        }
    }

    /** The reconciliation's did-usage-vs-topic check of this instance. */
    private Map<?, ?> usageCheck() {
        ResponseEntity<Map> report = http.getForEntity("/api/admin/packages/reconciliation", Map.class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<?>) report.getBody().get("checks")).stream().map(check -> (Map<?, ?>) check)
                .filter(check -> "did-usage-vs-topic".equals(check.get("check"))).findFirst().orElseThrow();
    }

    @Test
    void aPackageGivenTheMomentTheClientIsCreatedWaitsForTheClientInsteadOfRefusing() {
        String packageId = createPackage("Prompt " + UUID.randomUUID(), 1, List.of());
        String newClient = UUID.randomUUID().toString();

        CompletableFuture<ResponseEntity<Map>> given = CompletableFuture.supplyAsync(() ->
                post("/api/client-packages", Map.of("clientId", newClient, "packageId", packageId)));
        inbound.publish(Topics.CLIENT, newClient, new ClientCreated(newClient, "Prompt", "noc@prompt.test", ClientStatus.ACTIVE));

        assertThat(given.join().getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void refusesUnknownClientsTakenNamesAndDisabledPackages() {
        String name = "Unique " + UUID.randomUUID();
        String packageId = createPackage(name, 1, List.of());
        assertThat(post("/api/packages", Map.of("name", name.toUpperCase(), "didLimit", 1)).getBody())
                .containsEntry("code", "PACKAGE_NAME_TAKEN");
        assertThat(post("/api/client-packages", Map.of("clientId", "nobody", "packageId", packageId)).getBody())
                .containsEntry("code", "CLIENT_NOT_FOUND");
        assertThat(put("/api/packages/" + packageId, Map.of("name", name, "didLimit", 1, "status", "DISABLED"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map> refused = post("/api/client-packages", Map.of("clientId", clientId, "packageId", packageId));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("code", "PACKAGE_NOT_ACTIVE");
    }

    @Test
    void packagesRacingForOneNameGetOneCreatedAndTheRestConflicts() {
        String name = "Race " + UUID.randomUUID();
        List<CompletableFuture<ResponseEntity<Map>>> racers = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> post("/api/packages", Map.of("name", name, "didLimit", 1))))
                .toList();
        List<HttpStatusCode> statuses = racers.stream().map(CompletableFuture::join).map(ResponseEntity::getStatusCode).toList();
        assertThat(statuses).containsOnlyOnce(HttpStatus.CREATED);
        assertThat(statuses.stream().filter(status -> status != HttpStatus.CREATED)).containsOnly(HttpStatus.CONFLICT);
    }

    @Test
    void disablingAPackageDeactivatesItsClientPackages() {
        String name = "Cascade " + UUID.randomUUID();
        String packageId = createPackage(name, 1, List.of());
        String id = (String) post("/api/client-packages", Map.of("clientId", clientId, "packageId", packageId))
                .getBody().get("id");
        put("/api/packages/" + packageId, Map.of("name", name, "didLimit", 1, "status", "DISABLED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.getForEntity("/api/client-packages?packageId=" + packageId + "&status=INACTIVE", Map.class)
                        .getBody().get("content").toString()).contains(id).contains("PACKAGE_DISABLED"));
        assertThat(http.getForEntity("/api/client-packages?clientId=" + clientId, Map.class).getBody().get("content")
                .toString()).contains(id);
        assertThat(http.getForEntity("/api/client-packages?sort=nosuchfield", Map.class).getBody())
                .containsEntry("status", 400).containsEntry("code", "INVALID_SORT");
    }

    @Test
    void suspendingAClientDeactivatesItsPackagesActivatingItResumesThemAndClosingItTerminatesThem() throws Exception {
        String first = (String) post("/api/client-packages", Map.of("clientId", clientId,
                "packageId", createPackage("Suspended " + UUID.randomUUID(), 1, List.of()))).getBody().get("id");
        String second = (String) post("/api/client-packages", Map.of("clientId", clientId,
                "packageId", createPackage("Suspended " + UUID.randomUUID(), 1, List.of()))).getBody().get("id");
        String stopped = (String) post("/api/client-packages", Map.of("clientId", clientId,
                "packageId", createPackage("Stopped " + UUID.randomUUID(), 1, List.of()))).getBody().get("id");
        post("/api/client-packages/" + stopped + "/deactivate", null);

        try (KafkaTestConsumer topic = new KafkaTestConsumer(Topics.PACKAGE)) {
            clientIs(ClientStatus.SUSPENDED);
            for (String id : List.of(first, second)) {
                JsonNode event = json.readTree(topic.awaitRecord(
                        r -> id.equals(r.key()) && r.value().contains("PackageDeactivated"), KAFKA).value());
                assertThat(event.get("data").get("reason").asText()).isEqualTo("CLIENT_SUSPENDED");
            }
        }
        awaitClientPackage(first, "INACTIVE", "CLIENT_SUSPENDED");
        ResponseEntity<Map> activation = post("/api/client-packages/" + stopped + "/activate", null);
        assertThat(activation.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(activation.getBody()).containsEntry("code", "CLIENT_NOT_ACTIVE");
        assertThat(post("/api/client-packages", Map.of("clientId", clientId,
                "packageId", createPackage("Refused " + UUID.randomUUID(), 1, List.of()))).getBody())
                .containsEntry("code", "CLIENT_NOT_ACTIVE");

        clientIs(ClientStatus.ACTIVE);
        awaitClientPackage(first, "ACTIVE", null);
        awaitClientPackage(second, "ACTIVE", null);
        awaitClientPackage(stopped, "INACTIVE", "MANUAL");

        clientIs(ClientStatus.CLOSED);
        for (String id : List.of(first, second, stopped)) {
            awaitClientPackage(id, "TERMINATED", null);
        }
    }

    private void clientIs(ClientStatus status) {
        inbound.publish(Topics.CLIENT, clientId, new ClientUpdated(clientId, "ACME", "noc@acme.test", status));
    }

    private void awaitClientPackage(String id, String status, String deactivationReason) {
        await().atMost(KAFKA).untilAsserted(() -> {
            Map<String, Object> clientPackage = http.getForEntity("/api/client-packages/" + id, Map.class).getBody();
            assertThat(clientPackage).containsEntry("status", status);
            if (deactivationReason != null) {
                assertThat(clientPackage).containsEntry("deactivationReason", deactivationReason);
            }
        });
    }

    /**
     * The client package's deadline comes due now, as the passing of time would make it (its start or end an hour
     * away, so no request is late for it however busy the machine): the service's scheduler finds it at its next
     * poll and fires it like any other.
     */
    private void comeDue(String clientPackageId) {
        assertThat(jdbc.update("update scheduled_tasks set execution_time = now()"
                + " where position(convert_to(?, 'UTF8') in task_data) > 0", clientPackageId)).isEqualTo(1);
    }

    private String createPackage(String name, int didLimit, List<String> tags) {
        ResponseEntity<Map> created = post("/api/packages", Map.of("name", name, "didLimit", didLimit, "tags", tags));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    /** The read model's usage, or null while it has not caught up with the client package yet. */
    private Integer usedOf(String clientPackageId) {
        return (Integer) http.getForEntity("/api/client-packages/" + clientPackageId, Map.class).getBody().get("used");
    }

    private ResponseEntity<Map> post(String path, Map<String, ?> body) {
        return http.postForEntity(path, new HttpEntity<>(body == null ? null : new HashMap<>(body), headers()), Map.class);
    }

    private ResponseEntity<Map> put(String path, Map<String, ?> body) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(new HashMap<>(body), headers()), Map.class);
    }

    private HttpHeaders headers() {
        HttpHeaders headers = as("carol", AccessRules.OPERATOR);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
