package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static io.didplatform.system.Scenarios.EVENTUALLY;
import static io.didplatform.system.Scenarios.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ordinary work that keeps going while a scenario injects a fault again and again (broker-kill, graceful-restart):
 * a bulk job creating a range of DIDs, a client taking DIDs one after another, and after every few takes another
 * client's package deactivated and activated again, all through the gateway. Each call a fault makes fail (a 5xx, a refused
 * connection) is asked again, as a user would. For each take it measures the user-visible delay: from asking
 * until the client's DID read model shows the DID. Once the faults are over, {@link #finish()} waits for the work
 * to end (sending the range again when the fault interrupted its job), and {@link #effects()} counts, from the
 * audit log, the events lost and the events applied twice.
 */
final class WorkUnderFaults {
    private static final String INVENTORY = "did-inventory-service";
    private static final String AUDIT = "audit-service";
    private static final List<String> SERVICES = List.of(INVENTORY, "package-service", "client-service", AUDIT);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Takes between two deactivations of the other client's package. */
    private static final int TAKES_PER_DEACTIVATION = 5;

    private final RunningPlatform platform;
    private final Api admin;
    private final int rangeSize;
    /** The bulk job's range: prefix, 0 and six digits; the DIDs taken: prefix, 1 and six digits (14 digits). */
    private final String prefix = "166" + ThreadLocalRandom.current().nextInt(1_000, 9_999);
    private final String first = prefix + "0000000";
    private final List<String> takeable;
    private final List<String> taken = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> takeDelays = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger deactivations = new AtomicInteger();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private Future<?> work;
    private volatile boolean running;
    private volatile boolean takesExhausted;
    private String operatorId;
    private String job;
    private String taker;
    private String takerPackage;
    private String toggledPackage;
    private int progressSeen;
    private long redeliveredBeforeRestarts;

    WorkUnderFaults(RunningPlatform platform, Api admin, int rangeSize, int takes) {
        this.platform = platform;
        this.admin = admin;
        this.rangeSize = rangeSize;
        this.takeable = IntStream.range(0, takes + 2).mapToObj(i -> prefix + "1%06d".formatted(i)).toList();
    }

    /** A fault, injected while the work goes on; answers once the platform is whole again. */
    interface Fault {
        void inject(int n) throws Exception;
    }

    /** A scenario's figures, as RELIABILITY.md gives them. */
    record Figures(long events, long lost, long duplicated, long redelivered, long duplicateRecordsOnTopics,
                   double down, double recovered, double p50Delay, double p99Delay) {
    }

    /**
     * Prepares and starts the work, injects the fault {@code faults} times (each once the work has moved on since
     * the last), stops the work and waits until it has ended, every group has read its topics to their ends and
     * the reconciliation is clean; records the scenario's line and answers its figures. "Recovered" runs from the
     * end of the last fault to that point.
     */
    Figures underFaults(String scenario, int faults, Fault fault) throws Exception {
        prepare();
        long redeliveredBefore = redeliveries();
        start();
        long down = 0;
        long lastUp = System.nanoTime();
        for (int n = 1; n <= faults; n++) {
            awaitProgress();
            long injected = System.nanoTime();
            fault.inject(n);
            lastUp = System.nanoTime();
            down += lastUp - injected;
        }
        stop();
        String jobs = finish();
        JsonNode report = Scenarios.awaitSettled(platform, admin, SERVICES);
        double recovered = (System.nanoTime() - lastUp) / 1e9;
        Effects effects = effects();
        Figures figures = new Figures(events(), effects.lost(), effects.duplicated(),
                redeliveredBeforeRestarts + redeliveries() - redeliveredBefore, duplicateRecordsOnTopics(report),
                down / 1e9, recovered, takeDelay(50), takeDelay(99));
        Scenarios.record(scenario, List.of(Scenarios.line(scenario, faults, figures.events(), figures.lost(),
                figures.duplicated(), "%.1f".formatted(figures.down()), "%.1f".formatted(figures.recovered()),
                figures.redelivered(), "%.2f".formatted(figures.p99Delay()))));
        System.out.printf("%s: %d faults; %d events (a range of %d, %d takes, %d deactivations and as many"
                        + " activations); bulk job %s; lost %d, duplicated effects %d; records delivered again %d,"
                        + " duplicate records on the topics %d; down %.1f s in all, recovered %.1f s after the last"
                        + " fault; take to visible p50 %.2f s, p99 %.2f s; refused takes %s%n", scenario, faults,
                figures.events(), rangeSize, takes(), deactivations(), jobs, figures.lost(), figures.duplicated(),
                figures.redelivered(), figures.duplicateRecordsOnTopics(), figures.down(), figures.recovered(),
                figures.p50Delay(), figures.p99Delay(), refused());
        assertThat(refused()).as("takes refused: each DID is free and the package allows them all").isEmpty();
        return figures;
    }

    /**
     * Keeps the count of records delivered again to {@code service} so far: call it before stopping the service,
     * whose counter starts from zero when it starts again.
     */
    void keepRedeliveriesOf(String service) {
        redeliveredBeforeRestarts += redeliveries(service);
    }

    /** What the work needs before the faults: an operator, DIDs to take, two clients each with an active package. */
    private void prepare() {
        operatorId = created(admin.post("/api/operators", Map.of("name", "Faults " + prefix)));
        Scenarios.createRange(admin, operatorId, takeable.get(0), takeable.get(takeable.size() - 1));
        String packageId = created(admin.post("/api/packages", Map.of("name", "Faults " + prefix,
                "didLimit", takeable.size())));
        String[] one = client("Taker", packageId, takeable.get(takeable.size() - 2));
        taker = one[0];
        takerPackage = one[1];
        toggledPackage = client("Toggled", packageId, takeable.get(takeable.size() - 1))[1];
    }

    /** Starts the bulk job, and the takes and deactivations, which run until {@link #stop()}. */
    private void start() {
        running = true;
        Api.Response range = admin.post("/api/dids", Map.of("range", first + "-" + lastOfRange(),
                "operatorId", operatorId));
        assertThat(range.status()).as(range.body().toString()).isIn(200, 202);
        job = "/api/dids/jobs/" + range.text("id");
        work = worker.submit(this::takeOneAfterAnother);
    }

    /**
     * Until two more takes have been seen through since the last call, or the running bulk job has created another
     * tenth of the range (takes wait behind the import's events, so faults would otherwise all come after it), or
     * none is left to take, or the work failed ({@link #stop()} then says why).
     */
    private void awaitProgress() {
        long importedBefore = importing();
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100))
                .until(() -> taken.size() + refused.size() >= progressSeen + 2 || takesExhausted || work.isDone()
                        || importedBefore >= 0 && importing() >= importedBefore + rangeSize / 10);
        progressSeen = taken.size() + refused.size();
    }

    /** DIDs the bulk job has created while it runs; -1 once it has ended. */
    private long importing() {
        JsonNode state = retried(() -> admin.get(job)).body();
        return "RUNNING".equals(state.path("state").asText()) ? state.path("succeeded").asLong() : -1;
    }

    /**
     * Until one more take has been seen through, its DID shown in the client's DIDs (or none is left to take, or
     * the work failed: {@link #stop()} then says why): after a fault, the next event projected end to end.
     */
    void awaitNextTake() {
        int seen = taken.size();
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100))
                .until(() -> taken.size() > seen || takesExhausted || work.isDone());
    }

    /** Stops the takes and deactivations (the one under way ends first). */
    private void stop() throws Exception {
        running = false;
        work.get(EVENTUALLY.toMinutes(), TimeUnit.MINUTES);
        worker.shutdown();
    }

    /**
     * Waits until the bulk job has ended; when a fault interrupted it, sends the range again, as an operator does,
     * which creates what is missing. Answers the jobs' states, for the report.
     */
    private String finish() {
        JsonNode ended = ended(job);
        if ("COMPLETED".equals(ended.path("state").asText())) {
            return "COMPLETED";
        }
        Api.Response again = retried(() -> admin.post("/api/dids", Map.of("range", first + "-" + lastOfRange(),
                "operatorId", operatorId)));
        JsonNode resumed = ended("/api/dids/jobs/" + again.text("id"));
        assertThat(resumed.path("state").asText()).as(resumed.toString()).isEqualTo("COMPLETED");
        return ended.path("state").asText() + " (" + ended.path("detail").asText() + "), sent again: COMPLETED";
    }

    /** Events handled: the DIDs created by the job, the takes and the deactivations and activations. */
    private long events() {
        return rangeSize + taken.size() + 2L * deactivations.get();
    }

    private int takes() {
        return taken.size();
    }

    private int deactivations() {
        return deactivations.get();
    }

    /** Takes refused (none expected: each DID is free and the package allows them all), with their reasons. */
    private List<String> refused() {
        return List.copyOf(refused);
    }

    /** The delay a user saw, at the given percentile, in seconds: from asking for a DID until its client lists it. */
    private double takeDelay(double percentile) {
        List<Long> sorted = new ArrayList<>(takeDelays);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, rank)) / 1e9;
    }

    record Effects(long lost, long duplicated) {
    }

    /**
     * From the audit log (every event of the platform, once each) and the DID view: DIDs of the range not created,
     * takes without their DidAssigned and deactivations without their event are lost; an event of these found twice
     * for the same DID or package is a duplicated effect. Asked once the platform has settled.
     */
    private Effects effects() {
        long inView = count(INVENTORY, "select count(*) from did_view where number like ?", prefix + "0%");
        Map<String, Long> createdEvents = bySubject("did.DidCreated.%", prefix + "0%");
        Map<String, Long> assigned = bySubject("did.DidAssigned.%", prefix + "1%");
        long deactivated = bySubject("%PackageDeactivated%", toggledPackage).getOrDefault(toggledPackage, 0L);
        long lost = (rangeSize - Math.min(inView, createdEvents.size()))
                + taken.stream().filter(number -> !assigned.containsKey(number)).count()
                + Math.max(0, deactivations.get() - deactivated);
        long duplicated = twice(createdEvents) + twice(assigned) + Math.max(0, deactivated - deactivations.get());
        return new Effects(lost, duplicated);
    }

    private static long twice(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(count -> count - 1).sum();
    }

    private void takeOneAfterAnother() {
        for (String number : takeable.subList(0, takeable.size() - 2)) {
            if (!running) {
                return;
            }
            long asked = System.nanoTime();
            String outcome = take(number);
            if (!outcome.equals("won")) {
                // said now too: a scenario that then fails to settle never gets to print the list
                System.out.printf("take of %s refused: %s%n", number, outcome);
                refused.add(number + ": " + outcome);
                continue;
            }
            String did = "/api/clients/" + taker + "/dids/" + number;
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(50))
                    .until(() -> "ACTIVE".equals(retried(() -> admin.get(did)).text("status")));
            takeDelays.add(System.nanoTime() - asked);
            taken.add(number);
            if (taken.size() % TAKES_PER_DEACTIVATION == 0) {
                deactivateAndActivate();
            }
        }
        takesExhausted = true;
    }

    /** "won" (201, or 202 then CONFIRMED, or asked again after a fault and already the client's), else why not. */
    private String take(String number) {
        String takes = "/api/clients/" + taker + "/dids";
        Api.Response response = retried(() -> admin.post(takes, Map.of("number", number, "clientPackageId",
                takerPackage, "destination", "sip:" + number + "@pbx.faults.test")));
        if (response.status() == 201) {
            return "won";
        }
        if (response.status() == 202) {
            String request = takes + "/requests/" + response.text("requestId");
            JsonNode decided = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(50))
                    .until(() -> retried(() -> admin.get(request)).body(),
                            answer -> !"PENDING".equals(answer.path("status").asText()));
            return "CONFIRMED".equals(decided.path("status").asText()) ? "won" : decided.toString();
        }
        // a take the fault cut off may have gone through: asked again, the DID is already the client's
        boolean alreadyOurs = "ACTIVE".equals(retried(() -> admin.get(takes + "/" + number)).text("status"));
        return alreadyOurs ? "won" : response.status() + " " + response.body();
    }

    /**
     * The other client's package deactivated and activated again: its DID goes on hold and comes back, or, when
     * the activation reaches inventory after the (short) hold period, is released; either is in line with the
     * events, which is what the reconciliation checks.
     */
    private void deactivateAndActivate() {
        String clientPackage = "/api/client-packages/" + toggledPackage;
        assertThat(retried(() -> admin.post(clientPackage + "/deactivate", Map.of())).status()).isEqualTo(200);
        deactivations.incrementAndGet();
        assertThat(retried(() -> admin.post(clientPackage + "/activate", Map.of())).status()).isEqualTo(200);
    }

    /** A client with an active client package of {@code packageId} known to client-service (it took {@code did}). */
    private String[] client(String name, String packageId, String did) {
        String clientId = created(admin.post("/api/clients", Map.of("name", "Faults " + prefix + " " + name,
                "email", "noc@faults.test")));
        String[] clientPackageId = {null};
        // package-service learns of the client from client.events, client-service of the client package likewise
        await().atMost(EVENTUALLY).untilAsserted(() -> clientPackageId[0] = created(admin.post("/api/client-packages",
                Map.of("clientId", clientId, "packageId", packageId))));
        await().atMost(EVENTUALLY).until(() -> admin.post("/api/clients/" + clientId + "/dids", Map.of("number", did,
                "clientPackageId", clientPackageId[0], "destination", "sip:" + did + "@pbx.faults.test")).status() < 300);
        return new String[] {clientId, clientPackageId[0]};
    }

    /** The call, asked again while a fault makes it fail (a 5xx from the gateway, the gateway not listening). */
    private static Api.Response retried(Supplier<Api.Response> call) {
        Api.Response[] answer = {null};
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200)).ignoreException(UncheckedIOException.class)
                .until(() -> (answer[0] = call.get()).status() < 500);
        return answer[0];
    }

    private JsonNode ended(String job) {
        return await().atMost(EVENTUALLY.multipliedBy(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> retried(() -> admin.get(job)).body(), answer -> !"RUNNING".equals(answer.path("state")
                        .asText()));
    }

    private String lastOfRange() {
        return prefix + "0%06d".formatted(rangeSize - 1);
    }

    /** Records delivered again to consumers that had applied them, by every service since it started. */
    private long redeliveries() {
        return SERVICES.stream().mapToLong(this::redeliveries).sum();
    }

    private long redeliveries(String service) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(platform.serviceUrl(service)
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith("did_kafka_redeliveries_total"))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records a producer wrote twice on its topic (each then delivered to every group), as the reconciliation counts. */
    private static long duplicateRecordsOnTopics(JsonNode report) {
        long duplicates = 0;
        for (JsonNode instance : report.path("instances")) {
            for (JsonNode check : instance.path("report").path("checks")) {
                if ("event-store-vs-topic".equals(check.path("check").asText())) {
                    duplicates += check.path("figures").path("duplicateRecords").asLong();
                }
            }
        }
        return duplicates;
    }

    private Map<String, Long> bySubject(String type, String subjects) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = platform.database(AUDIT);
             PreparedStatement statement = connection.prepareStatement("select subject, count(*) from audit_event"
                     + " where type like ? and subject like ? group by subject")) {
            statement.setString(1, type);
            statement.setString(2, subjects);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private long count(String service, String query, String like) {
        try (Connection connection = platform.database(service);
             PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, like);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
