package io.didplatform.audit;

import io.didplatform.audit.DidLifecycle.Published;
import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.OperatorUpdated;
import io.didplatform.contracts.inventory.UndoneChange;
import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.testing.TestInfrastructure;
import io.didplatform.testing.WrittenNumbers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.didplatform.audit.DidLifecycle.T0;
import static io.didplatform.audit.DidLifecycle.min;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From the topics to the auditor: events published as the producing services publish them (structured
 * CloudEvents keyed by aggregate id, some delivered twice) show up in the history, the as-of views and the
 * event log exports over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditOverKafkaIT extends AuditITBase {
    private static final String FORMULA_ACTOR = "=HYPERLINK(\"http://evil\",\"x\")";

    @Autowired
    CloudEventCodec codec;

    DidLifecycle story;
    String formulaEventId;
    String undoneNumber;
    UUID undoneJob;

    @BeforeAll
    void publishTheLifecycle() {
        story = new DidLifecycle(codec);
        formulaEventId = UUID.randomUUID().toString();
        byte[] formulaEvent = codec.encode(new GenericEventMessage<>(formulaEventId,
                new OperatorUpdated(story.operatorId, "Carrier", "@SUM(A1)"), Map.of(MessageContext.ACTOR, FORMULA_ACTOR),
                min(1)), story.operatorId);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (Published event : story.events) {
                producer.send(record(topicOf(event), event.key(), event.cloudEvent()));
            }
            // at-least-once: the outbox may send a batch again
            story.events.subList(0, 6).forEach(event -> producer.send(record(topicOf(event), event.key(), event.cloudEvent())));
            producer.send(record(INVENTORY_TOPIC, story.operatorId, formulaEvent));
            // a DID a bulk job created and its undo removed; the undo delivered twice
            undoneNumber = "1556" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
            undoneJob = UUID.randomUUID();
            byte[] created = codec.encode(new GenericEventMessage<>(UUID.randomUUID().toString(), new DidCreated(
                    undoneNumber, story.operatorId, DidStatus.IN_STOCK, DidStatus.IN_STOCK, "nyc", null),
                    Map.of(MessageContext.ACTOR, "importer"), min(2)), undoneNumber);
            byte[] undo = codec.encode(new GenericEventMessage<>(UUID.randomUUID().toString(), new DidChangeUndone(
                    undoneNumber, undoneJob, UndoneChange.CREATION, story.operatorId, DidStatus.IN_STOCK,
                    DidStatus.IN_STOCK, "nyc", null), Map.of(MessageContext.ACTOR, "admin"), min(3)), undoneNumber);
            List.of(created, undo, undo).forEach(event -> producer.send(record(INVENTORY_TOPIC, undoneNumber, event)));
        }
    }

    @Test
    void theHistoryOfADidWhoseCreationWasUndoneSaysCreatedThenRemovedByTheUndoOfTheJob() {
        String path = "/api/audit/dids/" + undoneNumber + "/history";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(entries(http.getForEntity(path, Map.class))).hasSize(2));
        List<Map<String, Object>> entries = entries(http.getForEntity(path, Map.class));
        assertThat(entries).extracting(entry -> entry.get("type"))
                .containsExactly("did.DidCreated.v1", "did.DidChangeUndone.v1");
        assertThat(entries.get(0).get("undoOfJob")).isNull();
        assertThat(entries.get(1).get("undoOfJob")).isEqualTo(undoneJob.toString());
        assertThat(entries.get(1).get("actor")).isEqualTo("admin");
        @SuppressWarnings("unchecked")
        Map<String, Object> removed = (Map<String, Object>) entries.get(1).get("changes");
        Map<?, ?> status = (Map<?, ?>) removed.get("status");
        assertThat(status.get("from")).isEqualTo("IN_STOCK");
        assertThat(status.get("to")).isNull();
        assertThat(removed).containsKeys("afterHoldStatus", "operatorId", "tag");
    }

    @Test
    void historyOfThePublishedLifecycleIsServedOverHttp() {
        String path = "/api/audit/dids/+" + story.number + "/history";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(entries(http.getForEntity(path, Map.class))).hasSize(8));
        List<Map<String, Object>> entries = entries(http.getForEntity(path, Map.class));
        Map<String, Object> held = entries.get(2);
        assertThat(held).containsEntry("type", "did.DidHeld.v1").containsEntry("actor", "admin")
                .containsEntry("at", min(10).plusSeconds(1).toString());
        assertThat(held.get("changes")).isEqualTo(Map.of(
                "status", change("ACTIVE", "HOLD"),
                "holdUntil", change(null, min(10).plus(DidLifecycle.HOLD).toString()),
                "holdReason", change(null, "PACKAGE_INACTIVE")));
        assertThat(held.get("causedBy")).isEqualTo(Map.of("eventId", story.event("PackageDeactivated").id(),
                "type", "package.PackageDeactivated.v1"));

        ResponseEntity<Map> before = http.getForEntity("/api/audit/dids/" + story.number + "?at=" + min(9), Map.class);
        assertThat(before.getBody()).containsEntry("status", "ACTIVE").containsEntry("clientId", story.clientId);
        Map<String, Object> inventory = http.getForObject("/api/audit/inventory?at=" + min(9) + "&clientId="
                + story.clientId, Map.class);
        assertThat((List<Map<String, Object>>) inventory.get("content")).extracting(did -> did.get("number"))
                .containsExactly(story.number);
        assertThat(inventory.get("page")).isEqualTo(Map.of("number", 0, "size", 50, "totalElements", 1, "totalPages", 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(entries(http.getForEntity(
                "/api/audit/operators/" + story.operatorId + "/history", Map.class))).hasSize(2));
        assertThat(entries(http.getForEntity("/api/audit/client-packages/" + story.clientPackageId + "/history",
                Map.class))).extracting(entry -> entry.get("type")).containsExactly("package.ClientPackageCreated.v1",
                "package.PackageActivated.v1", "package.PackageDeactivated.v1", "package.PackageActivated.v1");
    }

    @Test
    void eventLogOfTheHourExportsAsXlsxWithFormulasNeutralised() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForObject(
                "/api/audit/events?subject=" + story.operatorId, Map.class).get("content").toString().contains(formulaEventId));
        ResponseEntity<byte[]> xlsx = http.getForEntity("/api/audit/export?format=xlsx&from=" + T0 + "&to="
                + T0.plus(Duration.ofHours(1)), byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("audit-events.xlsx");
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.getStringCellValue()));
                rows.add(cells);
            }
        }
        assertThat(rows.get(0)).startsWith("eventId", "type", "at", "actor");
        List<String> ids = rows.stream().map(row -> row.get(0)).toList();
        assertThat(ids).contains(story.event("PackageDeactivated").id(), story.event("DidAssigned").id(), formulaEventId)
                .doesNotContain(story.event("DidReleased").id());
        List<String> formulaRow = rows.stream().filter(row -> row.get(0).equals(formulaEventId)).findFirst().orElseThrow();
        assertThat(formulaRow.get(3)).isEqualTo("'" + FORMULA_ACTOR);

        String csv = new String(http.getForObject("/api/audit/export?format=csv&subject=" + story.operatorId,
                byte[].class), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("eventId,type,at,actor,").contains(formulaEventId)
                .contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointReadsANumberWrittenAsPeopleWriteItAsTheSameDid() {
        String written = WrittenNumbers.decorated(story.number);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(entries(http.getForEntity(
                "/api/audit/dids/" + written + "/history", Map.class))).hasSize(8));
        assertThat(http.getForObject("/api/audit/dids/" + written + "?at=" + min(9), Map.class))
                .containsEntry("number", story.number).containsEntry("status", "ACTIVE");
        List<Map<String, Object>> logged = (List<Map<String, Object>>) http.getForObject(
                "/api/audit/events?subject=" + written, Map.class).get("content");
        assertThat(logged).isNotEmpty().allSatisfy(event -> assertThat(event).containsEntry("subject", story.number));
        assertThat(http.getForObject("/api/audit/export?format=csv&subject=" + written, String.class))
                .contains(story.event("DidAssigned").id());
    }

    @Test
    void theEventLogSortsByAnyOfferedColumnAndRefusesOthers() {
        String subject = "/api/audit/events?subject=" + story.number;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(times(http.getForObject(subject, Map.class))).hasSizeGreaterThan(2));
        List<String> newestFirst = new ArrayList<>(times(http.getForObject(subject, Map.class)));
        List<String> oldestFirst = times(http.getForObject(subject + "&sort=at,asc", Map.class));
        Collections.reverse(newestFirst);
        assertThat(oldestFirst).isSorted().containsExactlyElementsOf(newestFirst);

        ResponseEntity<Map> unknown = http.getForEntity(subject + "&sort=cloudEvent,asc", Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).containsEntry("code", "INVALID_SORT");
        assertThat(http.getForEntity("/api/audit/inventory?sort=number,desc", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void unknownExportFormatAndUnknownKindAreProblems() {
        ResponseEntity<Map> format = http.getForEntity("/api/audit/export?format=pdf", Map.class);
        assertThat(format.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(format.getBody()).containsEntry("code", "UNKNOWN_FORMAT");
        assertThat(http.getForEntity("/api/audit/widgets/1/history", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/audit/dids/12ab/history", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @SuppressWarnings("unchecked")
    private static List<String> times(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("content")).stream().map(event -> (String) event.get("at")).toList();
    }

    private String topicOf(Published event) {
        return "audit-it." + event.topic();
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new HashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(ResponseEntity<Map> page) {
        return page.getStatusCode() == HttpStatus.OK ? (List<Map<String, Object>>) page.getBody().get("content") : List.of();
    }
}
