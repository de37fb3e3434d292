package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the reliability scenarios (reliability/run, RELIABILITY.md) share: waiting until the platform has settled
 * (every consumer group at the end of its topics, the reconciliation clean), reading events off a topic, and the
 * results table: one line per run in {@code target/reliability/<scenario>.tsv}, with the columns scenario, run, work
 * (what the run did: records redelivered, pairs raced, DIDs created), lost, duplicated, down (s), time to recover (s).
 */
final class Scenarios {
    static final Duration EVENTUALLY = Duration.ofMinutes(5);
    /** {@code reliability/run --quick}: a scenario's small size. */
    static final boolean QUICK = Boolean.getBoolean("reliability.quick");
    /** {@code reliability/run --ci}: the smallest sizes, what CI runs on every build. */
    static final boolean CI = Boolean.getBoolean("reliability.ci");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Scenarios() {
    }

    /** Until every service's group has read its topics to their ends and the reconciliation is clean; the report. */
    static JsonNode awaitSettled(RunningPlatform platform, Api admin, Collection<String> services) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (String service : services) {
                if (lag(platform.groupOf(service)) != 0) {
                    return false;
                }
            }
            return true;
        });
        JsonNode[] report = {null};
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Api.Response answer = admin.get("/api/admin/reconciliation");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("clean").asBoolean()).as(answer.body().toString()).isTrue();
            report[0] = answer.body();
        });
        return report[0];
    }

    /** Records on the group's partitions it has not committed yet; -1 before it has committed any. */
    static long lag(String group) throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            if (committed.isEmpty()) {
                return -1;
            }
            Map<TopicPartition, Long> ends = offsets(admin, committed.keySet(), OffsetSpec.latest());
            return committed.entrySet().stream()
                    .mapToLong(entry -> ends.get(entry.getKey()) - entry.getValue().offset()).sum();
        }
    }

    /** Sets the group, whose consumers have left, back to the beginning of every partition; answers the records. */
    static long rewind(String group) {
        try (Admin admin = admin()) {
            await().atMost(EVENTUALLY).until(() -> admin.describeConsumerGroups(List.of(group)).all().get().get(group)
                    .state() == ConsumerGroupState.EMPTY);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> beginnings = offsets(admin, committed.keySet(), OffsetSpec.earliest());
            admin.alterConsumerGroupOffsets(group, beginnings.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue())))).all().get();
            return committed.entrySet().stream()
                    .mapToLong(entry -> entry.getValue().offset() - beginnings.get(entry.getKey())).sum();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not rewind " + group, e);
        }
    }

    /** Each of the service's tables' content hash (every row as text, in order), by "service.table". */
    static Map<String, String> hashes(RunningPlatform platform, String service, List<String> tables)
            throws SQLException {
        return perTable(platform, service, tables, "select md5(coalesce(string_agg(t::text, '|' order by t::text),"
                + " '')) from %s t");
    }

    /** Each of the service's tables' row count, by "service.table". */
    static Map<String, Long> rows(RunningPlatform platform, String service, List<String> tables) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        perTable(platform, service, tables, "select count(*) from %s").forEach((table, count) ->
                rows.put(table, Long.parseLong(count)));
        return rows;
    }

    private static Map<String, String> perTable(RunningPlatform platform, String service, List<String> tables,
                                                String query) throws SQLException {
        Map<String, String> answers = new LinkedHashMap<>();
        try (Connection connection = platform.database(service); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet row = statement.executeQuery(query.formatted(table))) {
                    row.next();
                    answers.put(service + "." + table, row.getString(1));
                }
            }
        }
        return answers;
    }

    static Map<TopicPartition, Long> offsets(Admin admin, Set<TopicPartition> partitions,
                                             OffsetSpec spec) throws InterruptedException, ExecutionException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition,
                partition -> spec))).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()));
    }

    /**
     * The ids of the events of type {@code type} (such as {@code did.DidAssigned}) on {@code topic}, by DID, for
     * {@code numbers}: read until every DID has one, and a few seconds more, so a second event would show.
     */
    static Map<String, Set<String>> eventsOnTheTopic(String topic, String type, Set<String> numbers) {
        Map<String, Set<String>> events = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reliability-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(EVENTUALLY).until(() -> {
                read(consumer, type, numbers, events);
                return events.size() == numbers.size();
            });
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                read(consumer, type, numbers, events);
            }
        }
        return events;
    }

    private static void read(KafkaConsumer<String, String> consumer, String type, Set<String> numbers,
                             Map<String, Set<String>> events) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (numbers.contains(record.key())) {
                JsonNode event = parse(record.value());
                if (event.path("type").asText().startsWith(type + ".")) {
                    events.computeIfAbsent(record.key(), number -> new HashSet<>()).add(event.path("id").asText());
                }
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the scenario's lines (tab-separated, the table's columns) for reliability/run's table. */
    static void record(String scenario, List<String> lines) {
        try {
            Path out = Path.of("target/reliability");
            Files.createDirectories(out);
            Files.write(out.resolve(scenario + ".tsv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(Object... columns) {
        return Arrays.stream(columns).map(String::valueOf).collect(Collectors.joining("\t"));
    }

    static String created(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().has("id") ? response.text("id") : response.text("number");
    }

    /** What {@link #ordinaryWork} made: the DIDs' common prefix (numbers prefix + 000 …), a client and its package. */
    record OrdinaryWork(String prefix, String clientId, String clientPackageId) {
    }

    /**
     * An operator with {@code dids} DIDs (the first edited, the second deleted), a package, a client and the client's
     * package, each named after {@code label}; numbers start with {@code numberPrefix} and 7 random digits.
     */
    static OrdinaryWork ordinaryWork(Api admin, String label, String numberPrefix, int dids) {
        String prefix = numberPrefix + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String operatorId = created(admin.post("/api/operators", Map.of("name", label + " " + prefix)));
        for (int i = 0; i < dids; i++) {
            created(admin.post("/api/dids", Map.of("number", prefix + String.format("%03d", i), "operatorId", operatorId)));
        }
        assertThat(admin.send("PATCH", "/api/dids/" + prefix + "000", Map.of("notes", label)).status()).isLessThan(300);
        assertThat(admin.delete("/api/dids/" + prefix + "001").status()).isLessThan(300);
        String packageId = created(admin.post("/api/packages", Map.of("name", label + " " + prefix, "didLimit", 2)));
        String clientId = created(admin.post("/api/clients", Map.of("name", label + " " + prefix,
                "email", "noc@reliability.test")));
        String[] clientPackageId = {null};
        // package-service learns of the client from client.events
        await().atMost(EVENTUALLY).untilAsserted(() -> clientPackageId[0] = created(admin.post("/api/client-packages",
                Map.of("clientId", clientId, "packageId", packageId))));
        return new OrdinaryWork(prefix, clientId, clientPackageId[0]);
    }

    /** A range of DIDs created by a bulk job, awaited until it has COMPLETED. */
    static void createRange(Api admin, String operatorId, String first, String last) {
        Api.Response range = admin.post("/api/dids", Map.of("range", first + "-" + last, "operatorId", operatorId));
        assertThat(range.status()).as(range.body().toString()).isIn(200, 202);
        String job = "/api/dids/jobs/" + range.text("id");
        await().atMost(EVENTUALLY).until(() -> !"RUNNING".equals(admin.get(job).text("state")));
        assertThat(admin.get(job).text("state")).isEqualTo("COMPLETED");
    }
}
