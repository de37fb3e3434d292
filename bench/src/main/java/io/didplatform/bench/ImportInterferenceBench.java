package io.didplatform.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * B2 of issue 18: interactive work while a bulk import runs, beside the same work on the quiet system. A round is
 * what a user does in the UI: a take (answer, and its effect: the DID ACTIVE in the client's DIDs), a deactivation
 * of another client package (answer, and its effect: its DID unroutable) and its activation (routable again), and
 * the DID page with its counts. Rounds run one after another, first on the quiet system, then for as long as a
 * range of {@code import-size} DIDs is being created.
 * <pre>
 * ImportInterferenceBench gateway=URL authorization='Basic …' client=ID client-package=ID first=NUMBER
 *     toggled=CLIENT_PACKAGE_ID toggled-number=NUMBER operator=ID import-first=NUMBER import-size=N
 *     [quiet-rounds=20 busy-rounds=1000 runs=1 report=FILE]
 * </pre>
 * Takes go upwards from {@code first}, in stock and allowed by {@code client-package}, one a round (at most
 * {@code runs × (quiet-rounds + busy-rounds)}); each run imports the next {@code import-size} numbers from
 * {@code import-first}.
 */
public final class ImportInterferenceBench {
    private static final double TARGET_P99_MS = 2000;
    private static final Duration EFFECT_PATIENCE = Duration.ofMinutes(5);
    private static final List<String> FIGURES = List.of("take: answer", "take: DID active", "deactivation: answer",
            "deactivation: DID unroutable", "activation: answer", "activation: DID routable", "DID page with counts");

    private final GatewayCalls calls;
    private final String client;
    private final String clientPackage;
    private final AtomicLong nextTake;
    private final String toggled;
    private final String toggledNumber;

    /** Each figure's samples in ms, for one phase (quiet, or during the import). */
    record Phase(Map<String, List<Double>> samples, int rounds, double seconds) {
        Latencies of(String figure) {
            List<Double> ms = samples.getOrDefault(figure, List.of());
            return Latencies.of(ms.stream().mapToLong(m -> (long) (m * 1e6)).toArray(), 0, seconds);
        }
    }

    record Run(Phase quiet, Phase busy, double importSeconds) {
    }

    private ImportInterferenceBench(Options options) {
        calls = new GatewayCalls(URI.create(options.required("gateway")), options.required("authorization"));
        client = options.required("client");
        clientPackage = options.required("client-package");
        nextTake = new AtomicLong(Long.parseLong(options.required("first")));
        toggled = options.required("toggled");
        toggledNumber = options.required("toggled-number");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, "ImportInterferenceBench");
        ImportInterferenceBench bench = new ImportInterferenceBench(options);
        String operator = options.required("operator");
        long importFirst = Long.parseLong(options.required("import-first"));
        int importSize = options.integer("import-size", 1_000_000);
        int quietRounds = options.integer("quiet-rounds", 20);
        int busyRounds = options.integer("busy-rounds", 1000);
        int runs = options.integer("runs", 1);
        List<Run> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Phase quiet = bench.rounds(quietRounds, () -> true);
            long first = importFirst + (long) (run - 1) * importSize;
            String job = bench.calls.send("POST", "/api/dids", "{\"range\":\"" + first + "-" + (first + importSize - 1)
                    + "\",\"operatorId\":\"" + operator + "\"}").transform(answer -> GatewayCalls.field(answer, "id"));
            long started = System.nanoTime();
            Phase busy = bench.rounds(busyRounds, () -> "RUNNING".equals(bench.jobState(job)));
            double importSeconds = (System.nanoTime() - started) / 1e9;
            Run result = new Run(quiet, busy, importSeconds);
            results.add(result);
            System.out.printf("run %d: %,d DIDs imported in %.1f s (job %s); %d rounds quiet, %d during the import%n",
                    run, importSize, importSeconds, bench.jobState(job), quiet.rounds(), busy.rounds());
            for (String figure : FIGURES) {
                System.out.printf("  %-30s quiet %s%n  %-30s busy  %s%n", figure, quiet.of(figure).summary(), "",
                        busy.of(figure).summary());
            }
        }
        String report = report(results, importSize);
        System.out.println();
        System.out.println(report);
        if (options.has("report")) {
            Files.writeString(Path.of(options.required("report")), report);
        }
    }

    /** Rounds, one after another, up to {@code most} and while {@code going}. */
    private Phase rounds(int most, BooleanSupplier going) throws Exception {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        FIGURES.forEach(figure -> samples.put(figure, new ArrayList<>()));
        long start = System.nanoTime();
        int rounds = 0;
        while (rounds < most && going.getAsBoolean()) {
            round(samples);
            rounds++;
        }
        return new Phase(samples, rounds, (System.nanoTime() - start) / 1e9);
    }

    private void round(Map<String, List<Double>> samples) throws Exception {
        String number = Long.toString(nextTake.getAndIncrement());
        long sent = System.nanoTime();
        String taken = calls.send("POST", "/api/clients/" + client + "/dids", "{\"number\":\"" + number
                + "\",\"clientPackageId\":\"" + clientPackage + "\",\"destination\":\"sip:bench@pbx.test\"}");
        samples.get("take: answer").add(Polling.millisSince(sent));
        if (!"ACTIVE".equals(GatewayCalls.field(taken, "status"))) {
            Polling.until(() -> "ACTIVE".equals(GatewayCalls.field(calls.get("/api/clients/" + client + "/dids/"
                    + number), "status")), EFFECT_PATIENCE, 10);
        }
        samples.get("take: DID active").add(Polling.millisSince(sent));

        sent = System.nanoTime();
        calls.send("POST", "/api/client-packages/" + toggled + "/deactivate", "{}");
        samples.get("deactivation: answer").add(Polling.millisSince(sent));
        Polling.until(() -> !routable(), EFFECT_PATIENCE, 10);
        samples.get("deactivation: DID unroutable").add(Polling.millisSince(sent));

        sent = System.nanoTime();
        calls.send("POST", "/api/client-packages/" + toggled + "/activate", "{}");
        samples.get("activation: answer").add(Polling.millisSince(sent));
        Polling.until(this::routable, EFFECT_PATIENCE, 10);
        samples.get("activation: DID routable").add(Polling.millisSince(sent));

        sent = System.nanoTime();
        calls.get("/api/dids?page=0&size=50");
        samples.get("DID page with counts").add(Polling.millisSince(sent));
    }

    private boolean routable() {
        return "true".equals(GatewayCalls.field(calls.get("/api/routing/" + toggledNumber), "routable"));
    }

    private String jobState(String job) {
        return GatewayCalls.field(calls.get("/api/dids/jobs/" + job), "state");
    }

    static String report(List<Run> runs, int importSize) {
        StringBuilder md = new StringBuilder(String.format("%d run(s): rounds on the quiet system, then rounds for"
                + " as long as a range of %,d DIDs is being created (import: %s s); median over the runs, spread"
                + " (lowest–highest) when more than one.%n%n", runs.size(), importSize,
                runs.stream().map(run -> String.format("%.0f", run.importSeconds())).toList()));
        md.append("| figure | quiet p50 | quiet p99 | during the import p50 | during the import p99 | p99 busy ÷ quiet"
                + " | target (p99 during the import) |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        boolean met = true;
        for (String figure : FIGURES) {
            double quietP99 = Spread.median(runs, run -> run.quiet().of(figure), l -> l.millisAt(0.99));
            double busyP99 = Spread.median(runs, run -> run.busy().of(figure), l -> l.millisAt(0.99));
            boolean ok = busyP99 <= TARGET_P99_MS;
            met &= ok;
            md.append(String.format("| %s | %s | %s | %s | %s | %.1f× | ≤ %.0f ms: %s |%n", figure,
                    Spread.of(runs, run -> run.quiet().of(figure), l -> l.millisAt(0.5), "%.0f ms"),
                    Spread.of(runs, run -> run.quiet().of(figure), l -> l.millisAt(0.99), "%.0f ms"),
                    Spread.of(runs, run -> run.busy().of(figure), l -> l.millisAt(0.5), "%.0f ms"),
                    Spread.of(runs, run -> run.busy().of(figure), l -> l.millisAt(0.99), "%.0f ms"),
                    busyP99 / quietP99, TARGET_P99_MS, ok ? "met" : "MISSED"));
        }
        md.append(String.format("%nRounds: %s quiet, %s during the import.%n%nB2: %s.%n",
                runs.stream().map(run -> Integer.toString(run.quiet().rounds())).toList(),
                runs.stream().map(run -> Integer.toString(run.busy().rounds())).toList(),
                met ? "met (every p99 during the import ≤ 2 s)" : "MISSED"));
        return md.toString();
    }
}
