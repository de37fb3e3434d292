package io.didplatform.inventory;

import com.zaxxer.hikari.HikariDataSource;
import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.inventory.command.did.AssignDid;
import io.didplatform.inventory.query.routing.Route;
import io.didplatform.inventory.query.routing.RoutingTable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark harness, not a test (no *Test/*IT name, so no build runs it). Run it alone:
 * <pre>
 * ./mvnw -o -pl did-inventory-service verify -Dit.test=InventoryBenchmark -Dtest=NoSuchTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.cascade-dids=10000] [-Dbench.routing-dids=1000000] \
 *     [-Dbench.rate=2000] [-Dbench.seconds=60] [-Dbench.warm-up-seconds=30]
 * </pre>
 * 1. Hold cascade: a client package holding {@code bench.cascade-dids} DIDs; the time from publishing
 *    PackageDeactivated on package.events until every DID is HOLD in the read model and unroutable in the routing
 *    table, and back from PackageActivated to all ACTIVE and routable.
 * 2. Routing lookups: {@code bench.routing-dids} DIDs loaded; GET /api/routing/{number} over loopback at a fixed
 *    rate for {@code bench.seconds}, then PostgreSQL primary-key selects of the read model at the same rate, both
 *    from a separate process ({@link RoutingLoad}); latency from each request's scheduled start (no coordinated
 *    omission): p50, p99, p99.9, max.
 * Figures go to stdout and to {@code target/benchmark.txt}. Events go to a topic of their own, not to the
 * platform's, and holds last an hour so none ends during the run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryBenchmark extends InventoryITBase {
    private static final Path REPORT = Path.of("target", "benchmark.txt");

    @DynamicPropertySource
    static void benchmarkSettings(DynamicPropertyRegistry registry) {
        registry.add("did.events.topic", () -> "bench.did-inventory.events");
        registry.add("did.hold.period", () -> "PT1H");
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    RoutingTable routing;
    @Autowired
    @Qualifier("didAggregateCache")
    Cache aggregates;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void holdCascade() throws Exception {
        int size = Integer.getInteger("bench.cascade-dids", 10_000);
        String operator = api.createOperator("Bench " + UUID.randomUUID());
        List<String> numbers = createRange("18" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000)), size,
                api, operator);
        String client = UUID.randomUUID().toString();
        String clientPackage = UUID.randomUUID().toString();
        assignAll(numbers, client, clientPackage);
        await().atMost(Duration.ofMinutes(5)).until(() -> count(clientPackage, "ACTIVE") == size);

        try (PlatformEvents events = new PlatformEvents(json)) {
            events.publish(new PackageActivated(clientPackage, client, "bench", size, List.of()));
            await().atMost(Duration.ofMinutes(5)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                    "select cascaded_version >= version from client_package_state where client_package_id = ?",
                    Boolean.class, clientPackage)));
            long started = System.nanoTime();
            long cpu = cpuNanos();
            events.publish(new PackageDeactivated(clientPackage, client, "bench", DeactivationReason.MANUAL));
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> count(clientPackage, "HOLD") == size && all(numbers, route -> !route.routable()));
            long held = System.nanoTime() - started;
            long heldCpu = cpuNanos() - cpu;

            started = System.nanoTime();
            cpu = cpuNanos();
            events.publish(new PackageActivated(clientPackage, client, "bench", size, List.of()));
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> count(clientPackage, "ACTIVE") == size && all(numbers, Route::routable));
            long restored = System.nanoTime() - started;
            long restoredCpu = cpuNanos() - cpu;
            report("Hold cascade, %d DIDs of one client package: PackageDeactivated -> all HOLD and unroutable %d ms"
                            + " (service JVM CPU %d ms); PackageActivated -> all ACTIVE and routable %d ms (CPU %d ms);"
                            + " load average %.1f on %d cores", size, held / 1_000_000, heldCpu / 1_000_000,
                    restored / 1_000_000, restoredCpu / 1_000_000, loadAverage(), Runtime.getRuntime().availableProcessors());

            // as after a restart: no DID aggregate in memory, each is read from the event store first
            aggregates.removeAll();
            started = System.nanoTime();
            cpu = cpuNanos();
            events.publish(new PackageDeactivated(clientPackage, client, "bench", DeactivationReason.MANUAL));
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> count(clientPackage, "HOLD") == size && all(numbers, route -> !route.routable()));
            report("  the same deactivation with the aggregate cache emptied first: %d ms (CPU %d ms); load average %.1f",
                    (System.nanoTime() - started) / 1_000_000, (cpuNanos() - cpu) / 1_000_000, loadAverage());
        }
    }

    @Test
    @Order(2)
    void routingLookups() throws Exception {
        int wanted = Integer.getInteger("bench.routing-dids", 1_000_000);
        int rate = Integer.getInteger("bench.rate", 2_000);
        int seconds = Integer.getInteger("bench.seconds", 60);
        // each measurement is preceded by this long at the same rate, not counted: the JIT compiles the request path
        int warmUp = Integer.getInteger("bench.warm-up-seconds", 30);
        String operator = api.createOperator("Bench " + UUID.randomUUID());
        long loading = System.nanoTime();
        List<String> numbers = createRange("17" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000)),
                wanted, api, operator);
        report("Loaded %d DIDs (bulk range, through the event store and read model) in %d s; routing table holds %d",
                numbers.size(), (System.nanoTime() - loading) / 1_000_000_000, routing.size());

        long[] inProcess = new long[1_000_000];
        for (int i = 0; i < inProcess.length; i++) {
            String number = numbers.get(ThreadLocalRandom.current().nextInt(numbers.size()));
            long started = System.nanoTime();
            assertThat(routing.find(number)).isPresent();
            inProcess[i] = System.nanoTime() - started;
        }
        report("In-process routing table lookups, %d DIDs: %s", numbers.size(), percentiles(inProcess, 1_000, "us"));

        // the outbox publishes the million DidCreated meanwhile: measure on a service that is done with them
        long catchingUp = System.nanoTime();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(this::processorsCaughtUp);
        report("Event processors (outbox to Kafka, read model) caught up %d s after the load", (System.nanoTime() - catchingUp) / 1_000_000_000);

        // the load comes from a process of its own, as a switch's does (see RoutingLoad)
        List<String> load = List.of(numbers.get(0), numbers.get(numbers.size() - 1), String.valueOf(rate),
                String.valueOf(seconds), String.valueOf(warmUp));
        report("GET /api/routing/{n} over loopback, %d req/s for %d s after %d s warm-up, %d DIDs: %s (load average %.1f)",
                rate, seconds, warmUp, numbers.size(),
                routingLoad(List.of(), "http", "http://127.0.0.1:" + port + "/api/routing/", load), loadAverage());
        var hikari = (HikariDataSource) dataSource;
        List<String> credentials = List.of("-Djdbc.user=" + hikari.getUsername(),
                "-Djdbc.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()));
        report("PostgreSQL primary-key select of did_view (JDBC, prepared), same rate and DIDs: %s (load average %.1f)",
                routingLoad(credentials, "sql", hikari.getJdbcUrl(), load), loadAverage());
    }

    /** Runs {@link RoutingLoad} in a JVM of its own and answers the line it prints. */
    private static String routingLoad(List<String> properties, String kind, String target, List<String> load) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RoutingLoad.class.getName(), kind, target));
        command.addAll(load);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String answer = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as("RoutingLoad %s: %s", kind, answer).isZero();
        return answer;
    }

    private List<String> createRange(String prefix, int size, Api api, String operator) {
        int width = String.valueOf(size - 1).length();
        String first = prefix + "0".repeat(width);
        String last = prefix + String.format("%0" + width + "d", size - 1);
        var started = api.call(HttpMethod.POST, "/api/dids", Map.of("range", first + "-" + last, "operatorId", operator));
        String job = started.getHeaders().getLocation().toString();
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(api.get(job).getBody().get("state")));
        Long visible = jdbc.queryForObject("select count(*) from did_view where number between ? and ?", Long.class, first, last);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.queryForObject(
                "select count(*) from did_view where number between ? and ?", Long.class, first, last) >= size);
        List<String> numbers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            numbers.add(prefix + String.format("%0" + width + "d", i));
        }
        assertThat(visible).isNotNull();
        return numbers;
    }

    /** Assigns every number to the client package: batches of commands, each batch one transaction, 4 at once. */
    private void assignAll(List<String> numbers, String client, String clientPackage) {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> batches = new ArrayList<>();
        for (int from = 0; from < numbers.size(); from += 250) {
            List<String> batch = numbers.subList(from, Math.min(numbers.size(), from + 250));
            batches.add(CompletableFuture.runAsync(() -> {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                unitOfWork.attachTransaction(transactionManager);
                unitOfWork.execute(() -> batch.forEach(number -> commands.sendAndWait(new AssignDid(number,
                        UUID.randomUUID(), client, clientPackage, "sip:" + number + "@pbx", List.of(), Instant.now()))));
            }, workers));
        }
        batches.forEach(CompletableFuture::join);
        workers.shutdown();
    }

    /** Every streaming event processor of the service has handled every event stored so far. */
    private boolean processorsCaughtUp() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values()
                        .stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    /** CPU time the whole test JVM (the service runs in it) used so far: what a busy shared machine cannot inflate. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private long count(String clientPackage, String status) {
        Long count = jdbc.queryForObject("select count(*) from did_view where client_package_id = ? and status = ?",
                Long.class, clientPackage, status);
        return count == null ? 0 : count;
    }

    private boolean all(List<String> numbers, Predicate<Route> condition) {
        return numbers.stream().allMatch(number -> routing.find(number).filter(condition).isPresent());
    }

    /** {@code values} divided by {@code perUnit} are in {@code unit}. */
    private static String percentiles(long[] values, double perUnit, String unit) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("n=%d p50=%.3f %s p99=%.3f %s p99.9=%.3f %s max=%.3f %s", sorted.length,
                at(sorted, 0.50) / perUnit, unit, at(sorted, 0.99) / perUnit, unit, at(sorted, 0.999) / perUnit, unit,
                sorted[sorted.length - 1] / perUnit, unit);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }

    private static void report(String format, Object... values) throws IOException {
        String line = Instant.now() + " " + String.format(format, values);
        System.out.println("BENCHMARK " + line);
        Files.writeString(REPORT, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
