package io.didplatform.system;

import io.didplatform.contracts.Topics;
import io.didplatform.security.AccessRules;
import io.didplatform.security.Caller;
import io.didplatform.security.GatewayTokens;
import io.didplatform.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The four services and the gateway, each started from its built jar as its own process (as bin/run does),
 * on free ports, over the test run's Kafka broker and fresh databases. Started once per test JVM, stopped when
 * the JVM exits. Logs: system-tests/target/platform-logs/.
 * <p>
 * With {@code DID_INSTANCES=2} in the environment (or {@code -Dplatform.instances=2}) each service runs as two
 * instances on its database and consumer group, the gateway spreading requests over them; the service's name
 * then means its first instance, the others are {@code <service>-2}...
 */
final class RunningPlatform {
    /**
     * Hold period of this system: short, so a hold ends within a test, yet longer than an instance's work takes to
     * pass to another after a kill (InventoryKilledMidCascadeIT needs every DID still on hold once the survivor
     * carried the cascade and claimed the dead instance's read-model segments, tens of seconds on a loaded machine).
     * {@code -Dplatform.hold-period=PT30M} for InventoryKilledMidCascadeIT with thousands of DIDs, whose checks of
     * every DID on every instance must end while they are still held.
     */
    static final Duration HOLD_PERIOD = Duration.parse(System.getProperty("platform.hold-period", "PT60S"));
    private static final List<String> SERVICES =
            List.of("did-inventory-service", "package-service", "client-service", "audit-service");
    private static final Map<String, String> ROUTE_URIS = Map.of("did-inventory-service", "INVENTORY_URIS",
            "package-service", "PACKAGE_URIS", "client-service", "CLIENT_URIS", "audit-service", "AUDIT_URIS");
    private static final int INSTANCES = Integer.parseInt(
            System.getProperty("platform.instances", System.getenv().getOrDefault("DID_INSTANCES", "1")));
    /** How a dead-letter topic's name ends: {@code <topic>.<consumer group>.dlt}. */
    private static final String DEAD_LETTER_SUFFIX = ".dlt";
    /**
     * How long a service may take to start: minutes when a loaded 2-core machine starts five JVMs at once (with
     * DID_INSTANCES=2 and other builds running, instances were seen taking 10 minutes).
     */
    private static final Duration START_LIMIT = Duration.ofMinutes(20);
    private static RunningPlatform instance;
    private static RuntimeException failedStart;

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private final Path logs = root.resolve("system-tests/target/platform-logs");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Shared by the gateway and the services, as bin/run does: the gateway signs who calls, the services check it. */
    private final String gatewayTokenSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final int gatewayPort;

    static synchronized RunningPlatform get() {
        // a start that failed is not tried again by every later test class, beside the first one's processes
        if (failedStart != null) {
            throw new IllegalStateException("the platform did not start", failedStart);
        }
        if (instance == null) {
            try {
                instance = new RunningPlatform();
            } catch (RuntimeException e) {
                failedStart = e;
                throw e;
            }
        }
        return instance;
    }

    private RunningPlatform() {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        deletePlatformTopics();
        Map<String, String> gateway = new LinkedHashMap<>();
        Map<String, Map<String, String>> laterInstances = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<String, String> properties = new LinkedHashMap<>(
                    TestInfrastructure.freshDatabase("sys_" + service.replace('-', '_')));
            // a group of its own, reading the topics from their beginning (emptied above)
            properties.put("spring.kafka.consumer.group-id", groupOf(service));
            properties.put("did.hold.period", HOLD_PERIOD.toString());
            // nine JVMs with DID_INSTANCES=2 at the default 10 connections each fill a shared PostgreSQL's 100
            properties.put("spring.datasource.hikari.maximum-pool-size", "6");
            properties.put("did.security.gateway-token.secret", gatewayTokenSecret);
            List<String> uris = new ArrayList<>();
            for (int n = 1; n <= INSTANCES; n++) {
                String instance = n == 1 ? service : service + "-" + n;
                int port = freePort();
                ports.put(instance, port);
                uris.add("http://127.0.0.1:" + port);
                Map<String, String> own = new LinkedHashMap<>(properties);
                own.put("server.port", String.valueOf(port));
                if (n == 1) {
                    start(instance, service, own);
                } else {
                    laterInstances.put(instance, own);
                }
            }
            gateway.put(ROUTE_URIS.get(service), String.join(",", uris));
        }
        // the others once the first are up: instances starting together on a fresh database race to create their
        // event processors' tokens, and all but one fail to start
        List.copyOf(processes.keySet()).forEach(instance -> awaitHealthy(instance, ports.get(instance)));
        laterInstances.forEach((instance, properties) -> start(instance, serviceOf(instance), properties));
        gatewayPort = freePort();
        gateway.put("server.port", String.valueOf(gatewayPort));
        gateway.put("did.security.gateway-token.secret", gatewayTokenSecret);
        start("gateway", "gateway", gateway);
        ports.put("gateway", gatewayPort);
        ports.forEach(this::awaitHealthy);
    }

    private static String serviceOf(String instance) {
        return SERVICES.stream().filter(instance::startsWith).findFirst().orElseThrow();
    }

    /** The consumer group of {@code service}'s instances. */
    String groupOf(String service) {
        return "sys-" + run + "-" + service;
    }

    /**
     * Deletes the platform's topics and their dead-letter topics, and returns once the broker no longer has them:
     * the services then create them anew, so this system's topics hold its own history only. (Other test runs on
     * the same broker, such as the modules' integration tests before the system tests, leave their records there,
     * which an event store here does not hold.)
     */
    private static void deletePlatformTopics() {
        Set<String> platform = Set.of(Topics.DID_INVENTORY, Topics.PACKAGE, Topics.CLIENT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            Set<String> doomed = admin.listTopics().names().get().stream()
                    .filter(topic -> platform.stream().anyMatch(name -> topic.equals(name)
                            || topic.startsWith(name + ".") && topic.endsWith(DEAD_LETTER_SUFFIX)))
                    .collect(Collectors.toSet());
            if (doomed.isEmpty()) {
                return;
            }
            admin.deleteTopics(doomed).all().get();
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() ->
                    admin.listTopics().names().get().stream().noneMatch(doomed::contains));
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not delete the platform's topics: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository's root: bin/, the services' builds. */
    Path root() {
        return root;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** A connection to a service's database, to change a row behind its back (as someone with psql could). */
    Connection database(String service) throws SQLException {
        Map<String, String> own = settings.get(service);
        return DriverManager.getConnection(own.get("spring.datasource.url"), own.get("spring.datasource.username"),
                own.get("spring.datasource.password"));
    }

    /** A service's own address, behind the gateway's back. */
    String serviceUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** How many instances of each service run. */
    static int instances() {
        return INSTANCES;
    }

    /** The running instances of {@code service}: its name for the first, {@code <service>-2}... for the others. */
    List<String> instancesOf(String service) {
        return processes.keySet().stream().filter(instance -> !instance.equals("gateway")
                && serviceOf(instance).equals(service)).toList();
    }

    /** Kills the instance (SIGKILL: no orderly shutdown, as a crash or {@code kill -9}) and leaves it down. */
    void kill(String instance) {
        Process process = processes.remove(instance);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a killed instance again as it was, returning once it is healthy. */
    void startAgain(String instance) {
        start(instance, serviceOf(instance), settings.get(instance));
        awaitHealthy(instance);
    }

    /** A token as the gateway would sign it for a call to {@code service} directly, by an ADMIN. */
    String adminToken(String service) {
        return new GatewayTokens(gatewayTokenSecret).sign(new Caller("system-test", Set.of(AccessRules.ADMIN)),
                service, Instant.now());
    }

    /**
     * Kills the service (SIGKILL: no orderly shutdown), runs {@code whileDown}, and starts it again as it was,
     * returning once it is healthy.
     */
    void killAndRestart(String service, Runnable whileDown) {
        restart(List.of(service), Process::destroyForcibly, whileDown);
    }

    /**
     * Stops the services in order (SIGTERM: their consumers leave their groups at once), runs {@code whileDown}, and
     * starts them again as they were, returning once they are healthy.
     */
    void stopAndRestart(List<String> services, Runnable whileDown) {
        restart(services, Process::destroy, whileDown);
    }

    private void restart(List<String> services, Consumer<Process> stop, Runnable whileDown) {
        for (String service : services) {
            Process process = processes.remove(service);
            stop.accept(process);
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        whileDown.run();
        services.forEach(service -> start(service, service, settings.get(service)));
        services.forEach(service -> awaitHealthy(service, ports.get(service)));
    }

    /** Starts {@code instance}, one of {@code service}'s instances (or its only one). */
    private void start(String instance, String service, Map<String, String> properties) {
        Path jar = root.resolve(service).resolve("target")
                .resolve(service + "-" + System.getProperty("platform.version") + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (bin/test does)");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xms128m", "-Xmx384m",
                "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        settings.put(instance, properties);
        try {
            processes.put(instance, new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(instance + ".log").toFile()))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + instance, e);
        }
    }

    /** Returns once the instance (or the gateway) answers its health check with 200. */
    void awaitHealthy(String instance) {
        awaitHealthy(instance, ports.get(instance));
    }

    private void awaitHealthy(String service, int port) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_LIMIT);
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (processes.values().stream().anyMatch(process -> !process.isAlive())) {
                throw new IllegalStateException("a service exited during start-up; see " + logs);
            }
            pause();
        }
        throw new IllegalStateException(service + " not healthy after " + START_LIMIT + "; see "
                + logs.resolve(service + ".log"));
    }

    private void stop() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500); // polling a process that is still starting: there is no condition to wait on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
