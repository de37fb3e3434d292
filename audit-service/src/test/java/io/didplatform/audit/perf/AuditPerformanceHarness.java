package io.didplatform.audit.perf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.didplatform.audit.AuditApplication;
import io.didplatform.audit.query.EntityHistory;
import io.didplatform.audit.query.InventoryAsOf;
import io.didplatform.audit.query.InventoryFilter;
import io.didplatform.audit.query.projection.EntityKind;
import io.didplatform.contracts.Topics;
import io.didplatform.security.AccessRules;
import io.didplatform.security.GatewayTokens;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.testing.TestGatewayTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Measures the audit service, for the closing note; a program to run by hand, not a test
 * ({@code audit-service/perf/run-harness.sh}). Against the local PostgreSQL and Kafka broker, with its own
 * database ({@code did_audit_perf}, dropped and re-created) and its own copies of the topics:
 * <ol>
 *   <li>catch-up: puts a backlog of {@code -Dbacklog} events (default 1,000,000) on the topics, starts the
 *   service, and times how fast it stores and projects all of them;</li>
 *   <li>history and as-of query latency (p50/p99/max, in the service and over HTTP) at that size;</li>
 *   <li>then fills the store with synthetic, query-shaped rows (log, history and DID versions written by SQL,
 *   not by the projector) up to {@code -Dstored} events (default 10,000,000), plus one DID with
 *   {@code -DhotDidEvents} events, and measures again.</li>
 * </ol>
 * {@code -DcatchUpOnly=true} stops after the catch-up (to compare ingestion speed alone).
 */
public final class AuditPerformanceHarness {
    /** -Ddatabase=: another name, for two runs side by side (one per worktree) */
    private static final String DATABASE = System.getProperty("database", "did_audit_perf");
    private static final String PG = System.getProperty("pg", "127.0.0.1:5432");
    private static final String KAFKA = System.getProperty("kafka", "127.0.0.1:9092");
    private static final Random RANDOM = new Random(7);
    /** A moment when every backlog and filler DID exists. */
    private static final String EVERY_DID_EXISTS = "2025-09-01T00:00:00Z";

    public static void main(String[] args) throws Exception {
        long backlog = Long.getLong("backlog", 1_000_000);
        long stored = Long.getLong("stored", 10_000_000);
        int hotDidEvents = Integer.getInteger("hotDidEvents", 100_000);
        int queries = Integer.getInteger("queries", 2000);
        int dids = (int) (backlog / BacklogGenerator.EVENTS_PER_DID);
        String prefix = "perf-" + Instant.now().getEpochSecond() + ".";

        // -Dreuse=true: measure again over the database an earlier run caught up (same -Dbacklog), no new backlog
        boolean reuse = Boolean.getBoolean("reuse");
        List<String> topics = List.of(prefix + Topics.DID_INVENTORY, prefix + Topics.PACKAGE, prefix + Topics.CLIENT);
        createTopics(topics);
        if (!reuse) {
            recreateDatabase();
        }
        long published = reuse ? 0 : publishBacklog(dids, topics);

        long startedAt = System.nanoTime();
        ConfigurableApplicationContext app = SpringApplication.run(AuditApplication.class,
                "--server.port=0", "--did.audit.topics=" + String.join(",", topics),
                "--spring.kafka.consumer.group-id=" + prefix + "audit", "--spring.kafka.bootstrap-servers=" + KAFKA,
                "--spring.datasource.url=jdbc:postgresql://" + PG + "/" + DATABASE, "--logging.level.root=WARN",
                "--" + GatewayTokens.SECRET_PROPERTY + "=" + TestGatewayTokens.SECRET);
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            if (reuse) {
                published = jdbc.queryForObject("select count(*) from audit_event", Long.class);
            } else {
                catchUp(jdbc, published, startedAt);
            }
            if (Boolean.getBoolean("catchUpOnly")) {
                return;
            }
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Queries measured = new Queries(app, port, queries);
            measured.run("at the backlog's size", () -> String.valueOf(19_000_000_000L + RANDOM.nextInt(dids)));

            StoreFiller filler = new StoreFiller(jdbc);
            long filled = filler.fill(stored - published, hotDidEvents);
            System.out.printf("%nfilled %,d synthetic events (%,d stored in all) in %.0f s%n", filled,
                    jdbc.queryForObject("select count(*) from audit_event", Long.class), filler.seconds());
            measured.run("with " + String.format("%,d", published + filled) + " events stored",
                    () -> RANDOM.nextBoolean() ? String.valueOf(19_000_000_000L + RANDOM.nextInt(dids))
                            : StoreFiller.number(RANDOM.nextInt(filler.dids())));
            measured.hotDid(jdbc.queryForObject("select count(*) from history_entry where kind = 'DID' and entity_id = ?",
                    Integer.class, StoreFiller.HOT_DID));
        } finally {
            app.close();
        }
    }

    private static void catchUp(JdbcTemplate jdbc, long published, long startedAt) throws InterruptedException {
        long firstAt = 0;
        long count = 0;
        while (count < published) {
            Thread.sleep(500);
            // the highest log position is one index lookup; count(*) scans the whole log, which asked twice a second
            // would compete with the service for the CPU being measured, so it is asked only
            // once the log may hold everything (a position can be skipped, by a conflict or a rolled-back batch)
            Long last = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
            if (firstAt == 0 && last != null) {
                firstAt = System.nanoTime();
            }
            if (last != null && last >= published) {
                count = jdbc.queryForObject("select count(*) from audit_event", Long.class);
            }
        }
        long doneAt = System.nanoTime();
        double seconds = (doneAt - firstAt) / 1e9;
        System.out.printf("%ncatch-up: %,d events stored and projected in %.1f s after the first one = %,.0f events/s"
                        + " (%.1f s from start-up)%n", published, seconds, published / seconds,
                (doneAt - startedAt) / 1e9);
        System.out.printf("projections: %s%n", jdbc.queryForList(
                "select 'history_entry' as t, count(*) from history_entry union all select 'did_version', count(*)"
                        + " from did_version union all select 'entity_state', count(*) from entity_state"));
    }

    private static long publishBacklog(int dids, List<String> topics) {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        CloudEventCodec codec = new CloudEventCodec(json, "/perf-harness");
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            long sent = new BacklogGenerator(codec, producer, topics.get(0), topics.get(1), topics.get(2)).publish(dids);
            System.out.printf("backlog: %,d events for %,d DIDs published in %.1f s%n", sent, dids,
                    (System.nanoTime() - started) / 1e9);
            return sent;
        }
    }

    private static void recreateDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
    }

    private static void createTopics(List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get();
        }
    }

    /** Times the auditors' queries in the service (bean calls) and through its HTTP API. */
    private static final class Queries {
        private final EntityHistory history;
        private final InventoryAsOf asOf;
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final int count;
        private final List<ClientMoment> clients;

        /** A client, and a moment when its DIDs were assigned to it. */
        private record ClientMoment(String clientId, Instant at) {
        }

        Queries(ConfigurableApplicationContext app, int port, int count) {
            this.history = app.getBean(EntityHistory.class);
            this.asOf = app.getBean(InventoryAsOf.class);
            this.base = "http://127.0.0.1:" + port + "/api/audit/";
            this.count = count;
            this.clients = app.getBean(JdbcTemplate.class).query("""
                    select client_id, min(valid_from) + interval '15 seconds' as at from did_version
                    where client_id is not null group by client_id limit 500
                    """, (rs, i) -> new ClientMoment(rs.getString("client_id"), rs.getTimestamp("at").toInstant()));
        }

        void run(String label, Callable<String> number) throws Exception {
            System.out.printf("%n-- %s --%n", label);
            time("history of one DID, in the service", count, () -> {
                history.of(EntityKind.DID, number.call(), PageRequest.of(0, 100));
                return null;
            });
            time("history of one DID, over HTTP", count, () -> get("dids/" + number.call() + "/history"));
            time("one DID as of a moment, over HTTP", count, () -> get("dids/" + number.call() + "?at=" + EVERY_DID_EXISTS));
            time("inventory as of a moment, one client's DIDs, page of 50, over HTTP", 200, () -> {
                ClientMoment moment = clients.get(RANDOM.nextInt(clients.size()));
                return get("inventory?clientId=" + moment.clientId() + "&at=" + moment.at());
            });
            time("inventory as of a moment, no filter, first page of 50 (counts every DID)", 5, () -> {
                asOf.inventory(new InventoryFilter(Instant.parse("2025-06-20T00:00:00Z"), null, null, null, null),
                        PageRequest.of(0, 50));
                return null;
            });
        }

        void hotDid(int events) throws Exception {
            time("history of the hot DID (" + String.format("%,d", events) + " events), first page of 100, in the service",
                    200, () -> history.of(EntityKind.DID, StoreFiller.HOT_DID, PageRequest.of(0, 100)));
            time("history of the hot DID, last page of 100, over HTTP", 50,
                    () -> get("dids/" + StoreFiller.HOT_DID + "/history?size=100&page=" + (events / 100 - 1)));
        }

        void time(String label, int times, Callable<?> call) throws Exception {
            call.call(); // warm the path once
            long[] nanos = new long[times];
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                call.call();
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%-75s n=%-5d p50=%7.2f ms  p99=%7.2f ms  max=%7.2f ms%n", label, times,
                    nanos[times / 2] / 1e6, nanos[(int) Math.ceil(times * 0.99) - 1] / 1e6, nanos[times - 1] / 1e6);
        }

        private String get(String path) throws Exception {
            // as the gateway passes an auditor's request on
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                    "Bearer " + TestGatewayTokens.token("audit-service", "auditor", AccessRules.AUDITOR)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
