package io.didplatform.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * T1 of issue 18: takes through the gateway, as the client DIDs tab makes them (a client asks for a DID and is
 * answered 201 once inventory assigned it and the client's read model shows it), one at a time (the latency a
 * user sees) and {@code concurrency} at a time (what the system sustains). Beside each, the same client read
 * through the gateway at the same concurrency ({@code GET /api/clients/{id}}): one request through the same hops
 * with none of a take's events, the floor of any answer from client-service.
 * <pre>
 * TakeBench gateway=URL authorization='Basic …' client=ID client-package=ID first=NUMBER
 *           [runs=3 one-at-a-time=100 concurrent=500 concurrency=8 report=FILE]
 * </pre>
 * Numbers are taken upwards from {@code first}: the client package must allow
 * {@code runs × (one-at-a-time + concurrent)} of them, all in stock, all of its tags.
 */
public final class TakeBench {
    private static final double TARGET_P50_MS = 200;
    private static final double TARGET_P99_MS = 1000;
    private static final double TARGET_PER_SECOND = 100;

    /** {@code cpuPerTake}: ms of CPU per take of each part of the system while takes were {@code concurrency} in flight. */
    record Run(Latencies oneAtATime, Latencies reads, Latencies concurrent, Latencies concurrentReads,
               Map<String, Double> cpuPerTake) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, "TakeBench");
        URI gateway = URI.create(options.required("gateway"));
        String authorization = options.required("authorization");
        String client = options.required("client");
        String clientPackage = options.required("client-package");
        AtomicLong next = new AtomicLong(Long.parseLong(options.required("first")));
        int runs = options.integer("runs", 3);
        int oneAtATime = options.integer("one-at-a-time", 100);
        int concurrent = options.integer("concurrent", 500);
        int concurrency = options.integer("concurrency", 8);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI takes = gateway.resolve("/api/clients/" + client + "/dids");
        URI read = gateway.resolve("/api/clients/" + client);
        Request take = () -> {
            String body = "{\"number\":\"" + next.getAndIncrement() + "\",\"clientPackageId\":\"" + clientPackage
                    + "\",\"destination\":\"sip:bench@pbx.test\"}";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(takes).timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 201 && answer.body().contains("\"ACTIVE\"");
        };
        Request clientRead = () -> http.send(HttpRequest.newBuilder(read).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;

        List<Run> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Latencies takesOneAtATime = load(take, oneAtATime, 1);
            Latencies readsOneAtATime = load(clientRead, oneAtATime, 1);
            Map<String, Duration> cpuBefore = SystemCpu.now();
            Latencies takesConcurrent = load(take, concurrent, concurrency);
            Map<String, Double> cpuPerTake = SystemCpu.perRequest(cpuBefore, SystemCpu.now(), concurrent);
            Run result = new Run(takesOneAtATime, readsOneAtATime, takesConcurrent,
                    load(clientRead, concurrent, concurrency), cpuPerTake);
            System.out.printf("run %d%n  takes one at a time:   %s%n  reads one at a time:   %s%n"
                            + "  takes %d at a time:     %s%n  reads %d at a time:     %s%n", run,
                    result.oneAtATime().summary(), result.reads().summary(), concurrency,
                    result.concurrent().summary(), concurrency, result.concurrentReads().summary());
            System.out.printf("  CPU per take, %d at a time: %s%n", concurrency, cpuPerTake.entrySet().stream()
                    .map(part -> String.format("%s %.1f ms", part.getKey(), part.getValue()))
                    .collect(Collectors.joining(", ")));
            results.add(result);
        }
        String report = report(results, oneAtATime, concurrent, concurrency);
        System.out.println();
        System.out.println(report);
        if (options.has("report")) {
            Files.writeString(Path.of(options.required("report")), report);
        }
        boolean failures = results.stream().anyMatch(run -> run.oneAtATime().failed() + run.concurrent().failed()
                + run.reads().failed() + run.concurrentReads().failed() > 0);
        System.exit(failures ? 1 : 0);
    }

    /** One request: true when it was answered as it should be. */
    interface Request {
        boolean send() throws Exception;
    }

    /** {@code count} requests, {@code concurrency} in flight at once. */
    static Latencies load(Request request, int count, int concurrency) throws InterruptedException {
        long[] nanos = new long[count];
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < concurrency; worker++) {
                running.add(workers.submit(() -> {
                    while (started.getAndIncrement() < count) {
                        long sent = System.nanoTime();
                        boolean ok;
                        try {
                            ok = request.send();
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (ok) {
                            nanos[answered.getAndIncrement()] = System.nanoTime() - sent;
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : running) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Latencies.of(Arrays.copyOf(nanos, answered.get()), failed.get(), seconds);
    }

    static String report(List<Run> runs, int oneAtATime, int concurrent, int concurrency) {
        StringBuilder md = new StringBuilder();
        md.append(String.format("%d runs, each %d takes one at a time and %,d with %d in flight (each beside as many"
                + " client reads); median, and the spread (lowest–highest) over the runs.%n%n", runs.size(), oneAtATime,
                concurrent, concurrency));
        md.append("| figure | a take | baseline: a client read through the gateway | take ÷ read | target |\n"
                + "| --- | --- | --- | --- | --- |\n");
        md.append(row("one at a time: p50", runs, Run::oneAtATime, Run::reads, l -> l.millisAt(0.5), "%.0f ms",
                String.format("≤ %.0f ms", TARGET_P50_MS)));
        md.append(row("one at a time: p99", runs, Run::oneAtATime, Run::reads, l -> l.millisAt(0.99), "%.0f ms",
                String.format("≤ %.0f ms", TARGET_P99_MS)));
        md.append(row(concurrency + " in flight: per second", runs, Run::concurrent, Run::concurrentReads,
                Latencies::perSecond, "%,.1f", String.format("≥ %.0f/s", TARGET_PER_SECOND)));
        md.append(row(concurrency + " in flight: p50", runs, Run::concurrent, Run::concurrentReads,
                l -> l.millisAt(0.5), "%.0f ms", ""));
        md.append(row(concurrency + " in flight: p99", runs, Run::concurrent, Run::concurrentReads,
                l -> l.millisAt(0.99), "%.0f ms", ""));
        int failed = runs.stream().mapToInt(run -> run.oneAtATime().failed() + run.concurrent().failed()).sum();
        md.append(String.format("| failed takes | %d | %d | | 0 |%n", failed,
                runs.stream().mapToInt(run -> run.reads().failed() + run.concurrentReads().failed()).sum()));
        md.append(cpu(runs, concurrency));
        double p50 = Spread.median(runs, Run::oneAtATime, l -> l.millisAt(0.5));
        double p99 = Spread.median(runs, Run::oneAtATime, l -> l.millisAt(0.99));
        double rate = Spread.median(runs, Run::concurrent, Latencies::perSecond);
        md.append(String.format("%nT1: p50 %.0f ms (%s), p99 %.0f ms (%s), %.1f takes/s with %d in flight (%s).%n",
                p50, p50 <= TARGET_P50_MS ? "met" : "MISSED", p99, p99 <= TARGET_P99_MS ? "met" : "MISSED", rate,
                concurrency, rate >= TARGET_PER_SECOND ? "met" : "MISSED"));
        return md.toString();
    }

    /**
     * What a take costs each process, and the rate the machine's cores allow at that cost: a figure near that rate
     * is bound by CPU, not by waiting.
     */
    private static String cpu(List<Run> runs, int concurrency) {
        StringBuilder md = new StringBuilder(String.format("%nCPU per take with %d in flight, by process (median"
                + " over the runs; each process's CPU time before and after):%n%n| process | ms of CPU per take |%n"
                + "| --- | --- |%n", concurrency));
        for (String part : runs.get(0).cpuPerTake().keySet()) {
            double[] values = runs.stream().mapToDouble(run -> run.cpuPerTake().getOrDefault(part, 0.0)).sorted()
                    .toArray();
            md.append(String.format("| %s | %.1f (%.1f–%.1f) |%n", part, values[values.length / 2], values[0],
                    values[values.length - 1]));
        }
        double total = runs.stream().mapToDouble(run -> run.cpuPerTake().get("total")).sorted()
                .toArray()[runs.size() / 2];
        int cores = Runtime.getRuntime().availableProcessors();
        md.append(String.format("%nAt %.0f ms of CPU per take, %d cores allow at most %.1f takes a second.%n", total,
                cores, cores * 1000 / total));
        return md.toString();
    }

    private static String row(String figure, List<Run> runs, Function<Run, Latencies> takes,
                              Function<Run, Latencies> reads, ToDoubleFunction<Latencies> value,
                              String format, String target) {
        double take = Spread.median(runs, takes, value);
        double read = Spread.median(runs, reads, value);
        return String.format("| %s | %s | %s | %.1f× | %s |%n", figure, Spread.of(runs, takes, value, format),
                Spread.of(runs, reads, value, format), take / read, target);
    }

    private TakeBench() {
    }
}
