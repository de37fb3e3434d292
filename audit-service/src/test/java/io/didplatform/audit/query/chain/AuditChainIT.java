package io.didplatform.audit.query.chain;

import io.didplatform.audit.AuditITBase;
import io.didplatform.audit.query.AuditIngest;
import io.didplatform.audit.query.AuditIngest.Received;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.contracts.inventory.OperatorCreated;
import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.testing.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit chain over real Kafka and PostgreSQL: events published (some twice) are chained per stream and verify
 * clean, by DID and by time range with the roots covering it; chaining again gives the same hashes; two writers on
 * one stream cannot fork it; and a row changed or removed by hand with SQL is named by the verification (and put
 * back after, so that the log stays what the projections were built from).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainIT extends AuditITBase {
    private static final int UPDATES = 8;

    @Autowired
    CloudEventCodec codec;
    @Autowired
    AuditIngest ingest;
    @Autowired
    ChainRoots roots;
    @Autowired
    ChainBackfill backfill;

    /** A time of our own, so that the range holds this test's events only. */
    final Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3))
            .plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(0, 1400)));
    final String number = "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    final String operatorId = UUID.randomUUID().toString();
    final List<String> didEventIds = new ArrayList<>();

    @BeforeAll
    void publishEvents() {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(record(operatorId, new OperatorCreated(operatorId, "Carrier", ""), base, "admin"));
        records.add(record(number, new DidCreated(number, operatorId, DidStatus.IN_STOCK, DidStatus.IN_STOCK, "nyc", ""),
                base.plusSeconds(60), "admin"));
        for (int i = 1; i <= UPDATES; i++) {
            records.add(record(number, new DidUpdated(number, operatorId, DidStatus.IN_STOCK, DidStatus.IN_STOCK, "nyc",
                    "note " + i), base.plusSeconds(60 + i), "alice"));
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            // at-least-once: some are sent again
            records.subList(1, 4).forEach(producer::send);
        }
    }

    @Test
    @Order(1)
    void chainsEachStreamInOrderOnceAndVerifiesClean() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from audit_event where stream = ? and hash is not null", Long.class, number) == UPDATES + 1);
        assertThat(jdbc.queryForList("select stream_seq from audit_event where stream = ? order by seq", Long.class,
                number)).containsExactlyElementsOf(IntStream.rangeClosed(1, UPDATES + 1).mapToObj(Long::valueOf).toList());
        didEventIds.addAll(jdbc.queryForList("select event_id from audit_event where stream = ? order by stream_seq",
                String.class, number));

        assertThat(verify("did=+" + number)).containsEntry("verified", UPDATES + 1).containsEntry("checked", UPDATES + 1)
                .containsEntry("firstMismatch", null);
        assertThat(roots.make()).isPresent();
        Map<String, Object> range = verify(range());
        assertThat(range).containsEntry("verified", UPDATES + 2).containsEntry("firstMismatch", null);
        assertThat((Integer) range.get("rootsVerified")).isPositive();
    }

    @Test
    @Order(2)
    void anExportVerifiesOfflineAndAnEditedCellIsNamed() throws Exception {
        ResponseEntity<String> export = http.exchange("/api/audit/export?format=csv&" + range(), HttpMethod.GET,
                new HttpEntity<>(as("auditor", "AUDITOR")), String.class);
        assertThat(export.getBody()).startsWith("eventId,type,at,actor,subject,source,correlationId,causationId,topic,"
                + "data,stream,streamSeq,prevHash,hash\r\n");
        Path file = Files.createTempFile("audit-export", ".csv");
        Files.writeString(file, export.getBody());

        assertThat(verifyOffline(file)).startsWith("0 verified: " + (UPDATES + 2) + " entries, " + (UPDATES + 2) + " links");

        Files.writeString(file, export.getBody().replace("note 3", "note 9"));
        assertThat(verifyOffline(file)).startsWith("1 MISMATCH").contains(didEventIds.get(3));
        Files.delete(file);
    }

    @Test
    @Order(3)
    void chainingTheStoredEventsAgainGivesTheSameHashes() {
        List<String> before = hashes();
        jdbc.update("update audit_event set stream = null, stream_seq = null, prev_hash = null, hash = null where subject = ?",
                number);
        jdbc.update("delete from audit_stream where stream = ?", number);

        backfill.run(null);

        assertThat(hashes()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void twoWritersExtendingOneStreamAtOnceChainOneAfterTheOther() {
        String shared = UUID.randomUUID().toString();
        List<CompletableFuture<Void>> writers = IntStream.range(0, 2).mapToObj(w -> CompletableFuture.runAsync(() -> {
            for (int batch = 0; batch < 10; batch++) {
                List<Received> events = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    events.add(new Received(codec.decode(record(shared, new OperatorCreated(shared, "w" + w, "b" + batch),
                            base.plusSeconds(600), "writer" + w).value()), "test"));
                }
                ingest.record(events);
            }
        })).toList();
        writers.forEach(CompletableFuture::join);

        assertThat(jdbc.queryForList("select stream_seq from audit_event where stream = ? order by stream_seq", Long.class,
                shared)).containsExactlyElementsOf(IntStream.rangeClosed(1, 100).mapToObj(Long::valueOf).toList());
        assertThat(verify("subject=" + shared)).containsEntry("verified", 100).containsEntry("firstMismatch", null);
    }

    @Test
    @Order(5)
    void aRowChangedByHandIsNamedWithWhatDisagrees() {
        String changed = didEventIds.get(4);
        String storedHash = jdbc.queryForObject("select hash from audit_event where event_id = ?", String.class, changed);
        jdbc.update("update audit_event set actor = 'mallory' where event_id = ?", changed);

        Map<String, Object> byDid = verify("did=" + number);
        assertThat(byDid).containsEntry("verified", UPDATES).containsEntry("checked", UPDATES + 1);
        assertThat((Map<String, Object>) byDid.get("firstMismatch")).containsEntry("check", "hash")
                .containsEntry("eventId", changed).containsEntry("stream", number).containsEntry("streamSeq", 5)
                .containsEntry("stored", storedHash).containsEntry("changedFields", List.of("actor"));
        Map<String, Object> byRange = verify(range());
        assertThat((Map<String, Object>) byRange.get("firstMismatch")).containsEntry("eventId", changed);

        jdbc.update("update audit_event set actor = 'alice' where event_id = ?", changed);
        String data = jdbc.queryForObject("select data::text from audit_event where event_id = ?", String.class,
                didEventIds.get(2));
        jdbc.update("update audit_event set data = jsonb_set(data, '{notes}', '\"edited\"') where event_id = ?",
                didEventIds.get(2));
        assertThat((Map<String, Object>) verify("did=" + number).get("firstMismatch"))
                .containsEntry("eventId", didEventIds.get(2)).containsEntry("changedFields", List.of("data"));

        jdbc.update("update audit_event set data = cast(? as jsonb) where event_id = ?", data, didEventIds.get(2));
        assertThat(verify("did=" + number)).containsEntry("firstMismatch", null);
    }

    @Test
    @Order(6)
    void aRemovedEntryBreaksTheLinkOfTheOneAfterIt() {
        // the row is put back afterwards: the test classes share one database, and a log missing an event its
        // projections were built from would make every later rebuild differ from them (ProjectionDeterminismIT)
        String removed = jdbc.queryForObject("select to_jsonb(e)::text from audit_event e where event_id = ?",
                String.class, didEventIds.get(7));
        jdbc.update("delete from audit_event where event_id = ?", didEventIds.get(7));
        try {
            Map<String, Object> mismatch = (Map<String, Object>) verify("did=" + number).get("firstMismatch");
            assertThat(mismatch).containsEntry("check", "prevHash").containsEntry("eventId", didEventIds.get(8))
                    .containsEntry("expected", "(entry missing)");
        } finally {
            jdbc.update("insert into audit_event select * from jsonb_populate_record(null::audit_event, cast(? as jsonb))",
                    removed);
        }
        assertThat(verify("did=" + number)).containsEntry("verified", UPDATES + 1).containsEntry("firstMismatch", null);
    }

    @Test
    void asksForOneDidOrOneRange() {
        ResponseEntity<Map> neither = http.getForEntity("/api/audit/verify", Map.class);
        assertThat(neither.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(neither.getBody()).containsEntry("code", "INVALID_VERIFY_REQUEST");
        ResponseEntity<Map> both = http.getForEntity("/api/audit/verify?did=" + number + "&from=" + base + "&to="
                + base.plusSeconds(1), Map.class);
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** Runs the offline verifier as bin/verify-audit-export does: exit status, a space, what it printed. */
    private static String verifyOffline(Path file) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "../tools/audit/VerifyAuditExport.java", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() + " " + output;
    }

    private String range() {
        return "from=" + base + "&to=" + base.plus(Duration.ofMinutes(5));
    }

    private Map<String, Object> verify(String query) {
        ResponseEntity<Map> response = http.exchange("/api/audit/verify?" + query, HttpMethod.GET,
                new HttpEntity<>(as("auditor", "AUDITOR")), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<String> hashes() {
        return jdbc.queryForList("select stream || ' ' || stream_seq || ' ' || hash from audit_event where subject = ? order by seq",
                String.class, number);
    }

    private ProducerRecord<String, byte[]> record(String key, Object payload, Instant at, String actor) {
        String topic = INVENTORY_TOPIC;
        GenericEventMessage<Object> message = new GenericEventMessage<>(UUID.randomUUID().toString(), payload,
                Map.of(MessageContext.ACTOR, actor, MessageContext.CORRELATION, UUID.randomUUID().toString()), at);
        return new ProducerRecord<>(topic, key, codec.encode(message, key));
    }
}
