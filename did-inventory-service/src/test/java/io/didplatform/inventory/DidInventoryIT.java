package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.contracts.Topics;
import io.didplatform.inventory.query.did.DidCounts;
import io.didplatform.inventory.query.did.DidCountsCheck;
import io.didplatform.support.reconcile.CheckResult;
import io.didplatform.testing.TestInfrastructure;
import io.didplatform.testing.WrittenNumbers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DIDs from REST through the event store to the read model and Kafka. Each test uses its own number block. */
class DidInventoryIT extends InventoryITBase {
    private static final AtomicLong BLOCK = new AtomicLong(1_777_000);

    String operator;
    String prefix;
    @Autowired
    DidCounts didCounts;
    @Autowired
    DidCountsCheck didCountsCheck;

    @BeforeEach
    void setUp() {
        operator = api.createOperator("Carrier " + UUID.randomUUID());
        prefix = String.valueOf(BLOCK.incrementAndGet()); // 7 digits; numbers are prefix + 4 digits
    }

    @SuppressWarnings("rawtypes")
    private Map job(ResponseEntity<Map> started) {
        assertThat(started.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(api.get(location).getBody().get("state")));
        return api.get(location).getBody();
    }

    private long visible(String numberPrefix) {
        Map<?, ?> page = (Map<?, ?>) api.get("/api/dids?number=" + numberPrefix).getBody().get("page");
        return ((Number) page.get("totalElements")).longValue();
    }

    /** Reads the topic from its current end on, so a busy shared broker's history is not scanned. */
    private static KafkaConsumer<String, String> tailOf(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    @Test
    @SuppressWarnings("unchecked")
    void rangeCreatesEveryNumberFindableByPrefixAndPublishesThem() throws Exception {
        KafkaConsumer<String, String> topic = tailOf(Topics.DID_INVENTORY);
        Map<?, ?> report = job(api.call(HttpMethod.POST, "/api/dids",
                Map.of("range", prefix + "0000-" + prefix + "0999", "operatorId", operator, "tag", "nyc")));
        assertThat(report.get("state")).isEqualTo("COMPLETED");
        assertThat(report.get("succeeded")).isEqualTo(1000);
        assertThat(report.get("failed")).isEqualTo(0);

        await().atMost(Duration.ofSeconds(30)).until(() -> visible(prefix) == 1000);
        Map<?, ?> page = api.get("/api/dids?number=" + prefix + "&size=10&sort=number,desc").getBody();
        assertThat(((Map<?, ?>) page.get("counts")).get("IN_STOCK")).isEqualTo(1000);
        Map<String, Object> first = (Map<String, Object>) ((List<?>) page.get("content")).get(0);
        assertThat(first).containsEntry("number", prefix + "0999").containsEntry("status", "IN_STOCK")
                .containsEntry("tag", "nyc").containsEntry("operatorId", operator);

        try (topic) {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                topic.poll(Duration.ofMillis(500)).forEach(record -> {
                    if ((prefix + "0500").equals(record.key()) && record.value().contains(operator)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            JsonNode event = json.readTree(found.get(0).value());
            assertThat(event.get("type").asText()).isEqualTo("did.DidCreated.v1");
            assertThat(event.get("actor").asText()).isEqualTo("it-user");
            assertThat(event.get("data").get("operatorId").asText()).isEqualTo(operator);
        }
    }

    @Test
    void listReportsExistingAndMalformedNumbersAndCreatesTheGoodOne() {
        String existing = prefix + "0001";
        assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("number", "+" + existing, "operatorId", operator))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Map<?, ?> report = job(api.call(HttpMethod.POST, "/api/dids",
                Map.of("numbers", List.of(existing, "12-ab", "(" + prefix + ") 0002"), "operatorId", operator)));
        assertThat(report.get("succeeded")).isEqualTo(1);
        assertThat(report.get("failed")).isEqualTo(2);
        assertThat(report.get("errors").toString()).contains(existing, "already present", "12-ab", "not a valid number");
        await().atMost(Duration.ofSeconds(10)).until(() -> visible(prefix) == 2);
    }

    @Test
    void manyConcurrentCreatesOfOneNumberMakeExactlyOneDid() throws Exception {
        String number = prefix + "0042";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<HttpStatus>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            boolean asList = i % 2 == 0;
            attempts.add(() -> (HttpStatus) api.call(HttpMethod.POST, "/api/dids", asList
                    ? Map.of("numbers", List.of(number), "operatorId", operator)
                    : Map.of("number", number, "operatorId", operator)).getStatusCode());
        }
        List<HttpStatus> answers = new ArrayList<>();
        for (Future<HttpStatus> answer : pool.invokeAll(attempts)) {
            answers.add(answer.get());
        }
        pool.shutdown();

        long singleCreated = answers.stream().filter(HttpStatus.CREATED::equals).count();
        long singleRefused = answers.stream().filter(HttpStatus.CONFLICT::equals).count();
        assertThat(singleCreated + singleRefused).isEqualTo(8);
        Integer events = jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%DidCreated'""", Integer.class, number);
        assertThat(events).isEqualTo(1);
        Integer registered = jdbc.queryForObject("select count(*) from did_registry where number = ? and active",
                Integer.class, number);
        assertThat(registered).isEqualTo(1);
    }

    @Test
    void editsRefuseClientStatusesAndDeleteKeepsHistoryAndAllowsCreatingAgain() {
        String number = prefix + "0007";
        var created = api.call(HttpMethod.POST, "/api/dids", Map.of("number", number, "operatorId", operator));
        // a single create, edit or delete answers once search shows it: a GET right after agrees, no waiting
        assertThat(created.getBody()).containsEntry("status", "IN_STOCK").containsKey("createdAt");
        assertThat(created.getBody().get("createdAt")).isNotNull();
        assertThat(api.get("/api/dids/" + number).getBody()).containsEntry("createdAt", created.getBody().get("createdAt"));

        var hold = api.call(HttpMethod.PATCH, "/api/dids/" + number, Map.of("status", "HOLD"));
        assertThat(hold.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hold.getBody()).containsEntry("code", "STATUS_NOT_SETTABLE");
        assertThat(api.call(HttpMethod.PATCH, "/api/dids/" + number, Map.of("colour", "red")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        var edited = api.call(HttpMethod.PATCH, "/api/dids/" + number, Map.of("status", "RESERVED", "tag", "vip"));
        assertThat(edited.getBody()).containsEntry("status", "RESERVED").containsEntry("tag", "vip");
        assertThat(edited.getBody().get("updatedAt")).isNotNull();
        assertThat(api.get("/api/dids/" + number).getBody()).containsEntry("status", "RESERVED")
                .containsEntry("updatedAt", edited.getBody().get("updatedAt"));

        var refused = api.call(HttpMethod.DELETE, "/api/operators/" + operator, null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("code", "OPERATOR_IN_USE");

        assertThat(api.call(HttpMethod.DELETE, "/api/dids/" + number, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.get("/api/dids/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(visible(prefix)).isZero();
        assertThat(api.call(HttpMethod.DELETE, "/api/dids/" + number, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("number", number, "operatorId", operator))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Integer history = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, number);
        assertThat(history).isEqualTo(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> visible(prefix) == 1);
    }

    @Test
    void deletedNumbersInARangeAreCreatedAgainWithTheirHistory() {
        String number = prefix + "0003";
        api.call(HttpMethod.POST, "/api/dids", Map.of("number", number, "operatorId", operator));
        api.call(HttpMethod.DELETE, "/api/dids/" + number, null);

        Map<?, ?> report = job(api.call(HttpMethod.POST, "/api/dids",
                Map.of("range", prefix + "0000-" + prefix + "0009", "operatorId", operator)));
        assertThat(report.get("succeeded")).isEqualTo(10);
        Integer history = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, number);
        assertThat(history).isEqualTo(3);
    }

    @Test
    void massEditByFilterAndMassDeleteByNumbersReportEachRefusal() {
        job(api.call(HttpMethod.POST, "/api/dids", Map.of("range", prefix + "0000-" + prefix + "0019", "operatorId", operator)));
        await().atMost(Duration.ofSeconds(10)).until(() -> visible(prefix) == 20);

        Map<?, ?> edited = job(api.call(HttpMethod.PATCH, "/api/dids",
                Map.of("filter", Map.of("number", prefix + "001"), "status", "ARCHIVE", "notes", "=cmd")));
        assertThat(edited.get("succeeded")).isEqualTo(10);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                visible(prefix + "001&status=ARCHIVE") == 10);

        assertThat(api.call(HttpMethod.PATCH, "/api/dids", Map.of("numbers", List.of(prefix + "0001"), "status", "BLOCKED"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        Map<?, ?> deleted = job(api.call(HttpMethod.DELETE, "/api/dids",
                Map.of("numbers", List.of(prefix + "0000", prefix + "0015", prefix + "9999"))));
        assertThat(deleted.get("succeeded")).isEqualTo(2);
        assertThat(deleted.get("failed")).isEqualTo(1);
        assertThat(deleted.get("errors").toString()).contains(prefix + "9999");
        await().atMost(Duration.ofSeconds(10)).until(() -> visible(prefix) == 18);

        // the operator's counts are kept, not counted: the same before and after the deltas are folded
        Map<?, ?> counts = (Map<?, ?>) api.get("/api/dids?operatorId=" + operator).getBody().get("counts");
        assertThat(counts.get("IN_STOCK")).isEqualTo(9);
        assertThat(counts.get("ARCHIVE")).isEqualTo(9);
        didCounts.fold();
        assertThat(api.get("/api/dids?operatorId=" + operator + "&status=ARCHIVE").getBody().get("counts"))
                .isEqualTo(counts);
        CheckResult check = didCountsCheck.run(10);
        assertThat(check.differenceCount()).as(check.differences().toString()).isZero();
    }

    @Test
    void everyEndpointReadsANumberWrittenAsPeopleWriteItAsTheSameDid() {
        String number = prefix + "0077";
        String written = WrittenNumbers.decorated(number);
        var created = api.call(HttpMethod.POST, "/api/dids", Map.of("number", written, "operatorId", operator));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("number", number);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/dids/" + number);

        String did = "/api/dids/" + written;
        assertThat(api.get(did).getBody()).containsEntry("number", number);
        assertThat(api.call(HttpMethod.PATCH, did, Map.of("tag", "decorated")).getBody()).containsEntry("tag", "decorated");
        assertThat(api.get("/api/routing/" + written).getBody()).containsEntry("number", number)
                .containsEntry("routable", false);
        assertThat(visible(written)).isEqualTo(1);
        assertThat(http.getForEntity("/api/dids/export?format=csv&number=" + written, String.class).getBody())
                .contains(number);
        Map<?, ?> edited = job(api.call(HttpMethod.PATCH, "/api/dids", Map.of("numbers", List.of(written), "notes", "listed")));
        assertThat(edited.get("succeeded")).isEqualTo(1);
        assertThat(api.call(HttpMethod.DELETE, did, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String listed = prefix + "0076";
        Map<?, ?> list = job(api.call(HttpMethod.POST, "/api/dids",
                Map.of("numbers", List.of(WrittenNumbers.decorated(listed)), "operatorId", operator)));
        assertThat(list.get("succeeded")).isEqualTo(1);
        Map<?, ?> range = job(api.call(HttpMethod.POST, "/api/dids",
                Map.of("range", "+(" + prefix + ") 0078 - +(" + prefix + ") 0079", "operatorId", operator)));
        assertThat(range.get("succeeded")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> visible(prefix + "007") == 3);
        Map<?, ?> deleted = job(api.call(HttpMethod.DELETE, "/api/dids",
                Map.of("filter", Map.of("number", "+(" + prefix + ") 007"))));
        assertThat(deleted.get("succeeded")).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> visible(prefix) == 0);
        assertThat(api.get("/api/dids?number=15a").getBody()).containsEntry("code", "INVALID_NUMBER");
    }

    @Test
    void anUnknownPathOrMethodIsAProblemWithACode() {
        var unknown = api.get("/api/dids/" + prefix + "0001/nope");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("code", "NOT_FOUND")
                .containsEntry("detail", "No API at /api/dids/" + prefix + "0001/nope");
        var put = api.call(HttpMethod.PUT, "/api/dids/" + prefix + "0001", Map.of("tag", "x"));
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(put.getBody()).containsEntry("code", "METHOD_NOT_ALLOWED");
    }

    @Test
    void badRangesAreRefusedWithoutAJob() {
        assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("range", "15550000999-15550000000", "operatorId", operator))
                .getBody()).containsEntry("code", "INVALID_RANGE");
        assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("range", "1555-155500", "operatorId", operator))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("range", "10000000-19999999", "operatorId", operator))
                .getBody()).containsEntry("code", "RANGE_TOO_LARGE");
        assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("number", "15550001234", "operatorId", "nobody"))
                .getBody()).containsEntry("code", "OPERATOR_NOT_FOUND");
    }
}
