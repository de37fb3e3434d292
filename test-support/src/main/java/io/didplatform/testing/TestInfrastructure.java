package io.didplatform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Real PostgreSQL and a real Kafka broker for integration tests, chosen once per test JVM:
 * Testcontainers when a Docker engine answers; otherwise the local PostgreSQL ({@code PGHOST}/{@code PGPORT},
 * default 127.0.0.1:5432), or an embedded PostgreSQL server when none is reachable, and the broker at
 * {@code KAFKA_BOOTSTRAP_SERVERS} (bin/test starts one). Each caller gets a freshly created database.
 * {@code DID_TEST_INFRA=local} skips the Docker check.
 */
public final class TestInfrastructure {
    /** Where bin/test starts its broker. */
    private static final int TEST_KAFKA_PORT = 19092;
    private static Endpoints endpoints;

    private record Endpoints(String postgresHostPort, String user, String password, String kafkaBootstrap) {
    }

    private TestInfrastructure() {
    }

    /** Points the Spring test context at real PostgreSQL (a fresh database named {@code database}) and Kafka. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        freshDatabase(name).forEach((key, value) -> registry.add(key, () -> value));
    }

    /**
     * {@link #register(DynamicPropertyRegistry, String)}, and a consumer group of the service's own,
     * {@link #consumerGroupAtTopicEnds at the current ends} of the topics it consumes.
     */
    public static void register(DynamicPropertyRegistry registry, String name, String groupPrefix, List<String> topics) {
        register(registry, name);
        String group = consumerGroupAtTopicEnds(groupPrefix, topics);
        registry.add("spring.kafka.consumer.group-id", () -> group);
    }

    /**
     * Creates an empty database and answers the Spring properties that point a service at it and at the broker
     * ({@code spring.datasource.*}, {@code spring.kafka.bootstrap-servers}).
     */
    public static Map<String, String> freshDatabase(String name) {
        Endpoints infra = endpoints();
        // DID_TEST_DB_SUFFIX keeps two checkouts testing at once on one PostgreSQL apart
        String database = name + env("DID_TEST_DB_SUFFIX", "");
        recreateDatabase(infra, database);
        return Map.of(
                "spring.datasource.url", "jdbc:postgresql://" + infra.postgresHostPort() + "/" + database,
                "spring.datasource.username", infra.user(),
                "spring.datasource.password", infra.password(),
                "spring.kafka.bootstrap-servers", infra.kafkaBootstrap(),
                "did.database.create-if-missing", "false");
    }

    /**
     * A new consumer group, named {@code prefix} plus a random suffix, whose offsets are set to the current ends of
     * {@code topics}: the service under test reacts only to what the test publishes, not to earlier runs' events.
     */
    public static String consumerGroupAtTopicEnds(String prefix, List<String> topics) {
        String group = prefix + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
            var existing = admin.listTopics().names().get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (var description : admin.describeTopics(topics.stream().filter(existing::contains).toList())
                    .allTopicNames().get().values()) {
                description.partitions().forEach(partition ->
                        ends.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
            }
            if (!ends.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listOffsets(ends).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue().offset())));
                admin.alterConsumerGroupOffsets(group, offsets).all().get();
            }
            return group;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not position consumer group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String kafkaBootstrapServers() {
        return endpoints().kafkaBootstrap();
    }

    private static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = dockerAvailable() ? fromContainers() : fromLocalServers();
        }
        return endpoints;
    }

    private static boolean dockerAvailable() {
        if ("local".equals(System.getenv("DID_TEST_INFRA"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // live for the whole test JVM; Testcontainers' reaper removes them
    private static Endpoints fromContainers() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
        postgres.start();
        kafka.start();
        return new Endpoints(postgres.getHost() + ":" + postgres.getFirstMappedPort(), postgres.getUsername(),
                postgres.getPassword(), kafka.getBootstrapServers());
    }

    private static Endpoints fromLocalServers() {
        // the test broker's port, not bin/run's 9092: tests publish on the platform's topic names, and a system
        // running on this machine would take their events for real ones
        String kafka = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + TEST_KAFKA_PORT);
        if (!reachable(kafka.split(",")[0])) {
            throw new IllegalStateException("No Kafka broker at " + kafka + " and no Docker: run the tests with bin/test,"
                    + " which starts a broker, or start one for single tests with 'KAFKA_PORT=" + TEST_KAFKA_PORT
                    + " bin/kafka start', or set KAFKA_BOOTSTRAP_SERVERS");
        }
        String postgres = env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432");
        if (reachable(postgres)) {
            return new Endpoints(postgres, env("PGUSER", "postgres"), env("PGPASSWORD", ""), kafka);
        }
        return new Endpoints("127.0.0.1:" + embeddedPostgresPort(), "postgres", "postgres", kafka);
    }

    private static int embeddedPostgresPort() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
            return embedded.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    private static void recreateDatabase(Endpoints infra, String database) {
        String url = "jdbc:postgresql://" + infra.postgresHostPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, infra.user(), infra.password());
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + database + "\" with (force)");
            statement.execute("create database \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database + " at " + url, e);
        }
    }

    private static boolean reachable(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
