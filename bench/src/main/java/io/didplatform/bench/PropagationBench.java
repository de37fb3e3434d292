package io.didplatform.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E1 of issue 18: a command's commit in one service until another service's read model shows it, beside raw Kafka
 * produce → consume on the same broker, in the same run. A sample of E1: a DID created through the gateway
 * ({@code POST /api/dids}), and from the moment it is sent, audit-service's view of that DID
 * ({@code GET /api/audit/dids/{number}}, direct on the service with a gateway token, so no gateway hop is counted)
 * polled every {@code poll-ms} until it answers 200; the figure runs from the DID's event's stored time (set in
 * inventory's unit of work, just before its commit; the same clock, this machine's) to the answer of that poll.
 * Polling starts with the request, not its answer, because inventory answers only once its own read model shows the
 * DID, by when audit may have it already. A sample of the baseline: one record copied from the platform's topic (a
 * real event, same key and bytes) sent on a topic of the bench's own until a consumer polling it has it
 * ({@link RawKafka}). Samples alternate, one at a time, so both see the same machine.
 * <pre>
 * PropagationBench gateway=URL authorization='Basic …' operator=ID first=NUMBER audit=URL
 *                  token-command='bin/gateway-token audit-service …' kafka=HOST:PORT
 *                  [topic=did-inventory.events samples=500 warm-up=20 poll-ms=5 report=FILE]
 * </pre>
 * Numbers are created upwards from {@code first}; {@code 1 + warm-up + samples} of them must be free.
 */
public final class PropagationBench {
    /** E1's target: p99 no more than raw Kafka's p99 plus this. */
    private static final double TARGET_EXTRA_P99_MS = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern SINCE = Pattern.compile("\"since\"\\s*:\\s*\"([^\"]+)\"");

    /** Both sides' samples, and how long the create commands took to be answered (for context). */
    record Result(Latencies propagation, Latencies raw, Latencies answers, double pollMillis, int recordBytes) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI dids;
    private final URI auditThroughGateway;
    private final String authorization;
    private final String operator;
    private final KeptAliveConnection audit;
    private final long pollNanos;
    private long next;

    private PropagationBench(Options options) throws Exception {
        dids = URI.create(options.required("gateway")).resolve("/api/dids");
        auditThroughGateway = URI.create(options.required("gateway")).resolve("/api/audit/dids/");
        authorization = options.required("authorization");
        operator = options.required("operator");
        next = Long.parseLong(options.required("first"));
        SwitchToken token = new SwitchToken(List.of(options.required("token-command").split(" ")));
        audit = new KeptAliveConnection(URI.create(options.required("audit")), token);
        pollNanos = (long) (options.decimal("poll-ms", 5) * 1e6);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, "PropagationBench");
        PropagationBench bench = new PropagationBench(options);
        // the first DID's event, as the outbox put it on the platform's topic, is the baseline's record
        bench.sample();
        Result result;
        try (RawKafka raw = RawKafka.copying(options.required("kafka"), options.get("topic", "did-inventory.events"))) {
            for (int i = 0; i < options.integer("warm-up", 20); i++) {
                bench.sample();
                raw.sample();
            }
            result = bench.measure(raw, options.integer("samples", 500));
        }
        System.out.printf("E1, stored → in audit:             %s%nbaseline, Kafka produce → consume: %s%n"
                + "the creates' answers (201):        %s%n", result.propagation().summary(), result.raw().summary(),
                result.answers().summary());
        String report = report(result);
        System.out.println();
        System.out.println(report);
        if (options.has("report")) {
            Files.writeString(Path.of(options.required("report")), report);
        }
        System.exit(result.propagation().failed() + result.raw().failed() > 0 ? 1 : 0);
    }

    /** {@code samples} of each side, in turn, one at a time. */
    private Result measure(RawKafka raw, int samples) throws Exception {
        long[] propagation = new long[samples];
        long[] answers = new long[samples];
        long[] rawNanos = new long[samples];
        int failed = 0;
        int rawFailed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            long[] sample = sample();
            if (sample == null) {
                failed++;
            } else {
                answers[i - failed] = sample[0];
                propagation[i - failed] = sample[1];
            }
            long rawSample = raw.sample();
            if (rawSample < 0) {
                rawFailed++;
            } else {
                rawNanos[i - rawFailed] = rawSample;
            }
            if ((i + 1) % 100 == 0) {
                System.out.printf("  %d samples of each%n", i + 1);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(Latencies.of(Arrays.copyOf(propagation, samples - failed), failed, seconds),
                Latencies.of(Arrays.copyOf(rawNanos, samples - rawFailed), rawFailed, seconds),
                Latencies.of(Arrays.copyOf(answers, samples - failed), failed, seconds), pollNanos / 1e6,
                raw.recordBytes());
    }

    /** One DID created and awaited in audit: {answer ns, stored → visible ns}, or null when either failed. */
    private long[] sample() throws Exception {
        String number = Long.toString(next++);
        long sent = System.nanoTime();
        AtomicLong answered = new AtomicLong();
        CompletableFuture<HttpResponse<String>> created = http.sendAsync(HttpRequest.newBuilder(dids)
                .timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"" + number + "\",\"operatorId\":\""
                        + operator + "\"}")).build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((answer, failure) -> answered.set(System.nanoTime()));
        Instant visible = awaitInAudit(number, sent, created);
        HttpResponse<String> answer = created.get(60, TimeUnit.SECONDS);
        if (answer.statusCode() != 201) {
            System.out.printf("  %s: created answered %d: %s%n", number, answer.statusCode(), answer.body());
            return null;
        }
        if (visible == null) {
            return null;
        }
        return new long[] {answered.get() - sent, Duration.between(storedAt(number), visible).toNanos()};
    }

    /**
     * Polls audit's view of the DID every poll interval from {@code from}: when it is first seen, the wall-clock time
     * that poll was answered (the latest the DID can have become visible); null when the create failed or the DID
     * was not seen within the patience.
     */
    private Instant awaitInAudit(String number, long from, CompletableFuture<HttpResponse<String>> created) {
        String path = "/api/audit/dids/" + number;
        for (long due = from; due - from < PATIENCE.toNanos(); due += pollNanos) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (created.isDone() && created.getNow(null) != null && created.getNow(null).statusCode() != 201) {
                return null;
            }
            try {
                if (audit.get(path) == 200) {
                    return Instant.now();
                }
            } catch (Exception e) {
                // a broken connection is opened again by the next poll
            }
        }
        System.out.printf("  %s: not in audit after %s%n", number, PATIENCE);
        return null;
    }

    /** The DID's event's stored time, as audit has it ({@code since}: ms, truncated, so E1 errs late if at all). */
    private Instant storedAt(String number) throws Exception {
        String body = http.send(HttpRequest.newBuilder(auditThroughGateway.resolve(number))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher since = SINCE.matcher(body);
        if (!since.find()) {
            throw new IllegalStateException("No since in audit's " + number + ": " + body);
        }
        return Instant.parse(since.group(1));
    }

    static String report(Result result) {
        Latencies e1 = result.propagation();
        Latencies raw = result.raw();
        StringBuilder md = new StringBuilder(String.format("%,d samples of each, one at a time, alternating; E1 from"
                + " the DID's event's stored time (ms) in inventory to the first poll of audit's view that shows it,"
                + " polled every %.0f ms from the request on (E1 is up to one interval, one poll and 1 ms late: its"
                + " resolution); the baseline's"
                + " record is a real `DidCreated` copied from the platform's topic (%,d bytes), produced with the"
                + " services' settings (acks all, idempotent, linger.ms 5).%n%n", e1.answered(), result.pollMillis(),
                result.recordBytes()));
        md.append("| figure | E1: stored in inventory → in audit's read model | baseline: Kafka produce → consume | E1 ÷ baseline"
                + " | E1 − baseline |\n| --- | --- | --- | --- | --- |\n");
        for (double q : new double[] {0.5, 0.99, 0.999, 1.0}) {
            String name = q == 0.5 ? "p50" : q == 0.99 ? "p99" : q == 0.999 ? "p99.9" : "max";
            md.append(String.format("| %s | %.1f ms | %.1f ms | %.1f× | %+.1f ms%s |%n", name, e1.millisAt(q),
                    raw.millisAt(q), e1.millisAt(q) / raw.millisAt(q), e1.millisAt(q) - raw.millisAt(q),
                    q == 0.99 ? String.format(" (target ≤ +%.0f ms)", TARGET_EXTRA_P99_MS) : ""));
        }
        md.append(String.format("| failed | %d | %d | | |%n", e1.failed(), raw.failed()));
        Latencies answers = result.answers();
        md.append(String.format("%nFor context, the creates' answers through the gateway (not part of E1): p50 %.1f ms,"
                + " p99 %.1f ms.%n", answers.millisAt(0.5), answers.millisAt(0.99)));
        double extra = e1.millisAt(0.99) - raw.millisAt(0.99);
        md.append(String.format("%nE1: p99 %.1f ms against raw Kafka's %.1f ms: %+.1f ms (target ≤ +%.0f ms: %s).%n",
                e1.millisAt(0.99), raw.millisAt(0.99), extra, TARGET_EXTRA_P99_MS,
                extra <= TARGET_EXTRA_P99_MS && e1.failed() == 0 ? "met" : "MISSED"));
        return md.toString();
    }
}
