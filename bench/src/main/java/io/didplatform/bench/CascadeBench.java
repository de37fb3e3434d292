package io.didplatform.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;

/**
 * C1 of issue 18: a client package with many DIDs deactivated (its DIDs unroutable, then all HOLD) and activated
 * again (routable, all ACTIVE), beside the same for a client package with one DID, in the same run. The one-DID
 * package is the baseline: the target is that the time to unroutable does not grow with the count.
 * <pre>
 * CascadeBench gateway=URL authorization='Basic …' big-client=ID big-package=CLIENT_PACKAGE_ID
 *     single-client=ID single-package=CLIENT_PACKAGE_ID first=NUMBER dids=N [sample=24 runs=3 report=FILE]
 * </pre>
 * The big client package takes {@code first} … {@code first + dids - 1}, the single one {@code first + dids}; they
 * must be in stock and allowed by the packages. The takes go through the gateway 8 at a time (not measured). A
 * sample of {@code sample} numbers spread over the range is looked up ({@code GET /api/routing/{n}} through the
 * gateway) from the moment the deactivation is sent, by 8 workers each going round its 3 numbers again and again;
 * a number's time is the first answer that showed it unroutable, so one round (3 lookups) is the resolution.
 */
public final class CascadeBench {
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final int CONCURRENCY = 8;

    private final GatewayCalls calls;
    private final ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);

    /** One deactivation and activation of a client package: each answer, each DID's effect, the whole effect. */
    record Toggle(double deactivated, Latencies unroutable, double allHeld, double activated, Latencies routable,
                  double allActive) {
    }

    record Run(Toggle single, Toggle big) {
    }

    private CascadeBench(GatewayCalls calls) {
        this.calls = calls;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, "CascadeBench");
        CascadeBench bench = new CascadeBench(new GatewayCalls(URI.create(options.required("gateway")),
                options.required("authorization")));
        long first = Long.parseLong(options.required("first"));
        int dids = options.integer("dids", 10_000);
        int sampleSize = Math.min(dids, options.integer("sample", 24));
        String bigClient = options.required("big-client");
        String bigPackage = options.required("big-package");
        String singleClient = options.required("single-client");
        String singlePackage = options.required("single-package");
        try {
            long loading = System.nanoTime();
            bench.take(bigClient, bigPackage, LongStream.range(first, first + dids));
            bench.take(singleClient, singlePackage, LongStream.of(first + dids));
            bench.awaitCount(bigClient, "ACTIVE", dids);
            bench.awaitCount(singleClient, "ACTIVE", 1);
            System.out.printf("%,d DIDs taken by one client package in %.1f s%n", dids,
                    (System.nanoTime() - loading) / 1e9);
            long[] sample = LongStream.range(0, sampleSize).map(i -> first + i * dids / sampleSize).toArray();
            List<Run> runs = new ArrayList<>();
            for (int run = 1; run <= options.integer("runs", 3); run++) {
                Toggle single = bench.toggle(singleClient, singlePackage, new long[] {first + dids}, 1);
                Toggle big = bench.toggle(bigClient, bigPackage, sample, dids);
                runs.add(new Run(single, big));
                System.out.printf("run %d: 1 DID: %s%n       %,d DIDs: %s%n", run, describe(single), dids,
                        describe(big));
            }
            String report = report(runs, dids, sampleSize);
            System.out.println(report);
            if (options.has("report")) {
                Files.writeString(Path.of(options.required("report")), report);
            }
        } finally {
            bench.pool.shutdownNow();
        }
    }

    private Toggle toggle(String client, String clientPackage, long[] sample, int count) throws Exception {
        long sent = System.nanoTime();
        calls.send("POST", "/api/client-packages/" + clientPackage + "/deactivate", "{}");
        double deactivated = Polling.millisSince(sent);
        Latencies unroutable = firstSeen(sample, sent, false);
        awaitCount(client, "HOLD", count);
        double allHeld = Polling.millisSince(sent);

        sent = System.nanoTime();
        calls.send("POST", "/api/client-packages/" + clientPackage + "/activate", "{}");
        double activated = Polling.millisSince(sent);
        Latencies routable = firstSeen(sample, sent, true);
        awaitCount(client, "ACTIVE", count);
        return new Toggle(deactivated, unroutable, allHeld, activated, routable, Polling.millisSince(sent));
    }

    /**
     * Each number's time from {@code sent} until a lookup first answered {@code routable}: 8 workers, each looking up
     * its share of the numbers in turn, again and again, until each has answered so; one turn is the resolution.
     */
    private Latencies firstSeen(long[] numbers, long sent, boolean routable) throws Exception {
        long[] seen = new long[numbers.length];
        long giveUp = sent + PATIENCE.toNanos();
        List<Future<?>> lookups = new ArrayList<>();
        for (int worker = 0; worker < CONCURRENCY; worker++) {
            int first = worker;
            lookups.add(pool.submit(() -> {
                boolean waiting = true;
                while (waiting) {
                    if (System.nanoTime() - giveUp > 0) {
                        throw new IllegalStateException("not " + (routable ? "routable" : "unroutable") + " within "
                                + PATIENCE);
                    }
                    waiting = false;
                    for (int i = first; i < numbers.length; i += CONCURRENCY) {
                        if (seen[i] == 0) {
                            String answer = calls.get("/api/routing/" + numbers[i]);
                            if (String.valueOf(routable).equals(GatewayCalls.field(answer, "routable"))) {
                                seen[i] = System.nanoTime() - sent;
                            } else {
                                waiting = true;
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> lookup : lookups) {
            lookup.get();
        }
        return Latencies.of(seen, 0, (System.nanoTime() - sent) / 1e9);
    }

    /** Takes the numbers for the client package through the gateway, 8 at a time. */
    private void take(String client, String clientPackage, LongStream numbers) throws Exception {
        long[] all = numbers.toArray();
        AtomicLong next = new AtomicLong();
        LongFunction<String> body = number -> "{\"number\":\"" + number + "\",\"clientPackageId\":\"" + clientPackage
                + "\",\"destination\":\"sip:" + number + "@pbx.c1.test\"}";
        List<Future<?>> takers = new ArrayList<>();
        for (int worker = 0; worker < CONCURRENCY; worker++) {
            takers.add(pool.submit(() -> {
                for (int i = (int) next.getAndIncrement(); i < all.length; i = (int) next.getAndIncrement()) {
                    calls.send("POST", "/api/clients/" + client + "/dids", body.apply(all[i]));
                }
                return null;
            }));
        }
        for (Future<?> taker : takers) {
            taker.get();
        }
    }

    /** Until inventory's DID search counts {@code count} DIDs of the client in {@code status}. */
    private void awaitCount(String client, String status, int count) throws InterruptedException {
        String path = "/api/dids?clientId=" + client + "&status=" + status + "&size=1";
        Polling.until(() -> Long.parseLong(GatewayCalls.field(calls.get(path), "totalElements")) >= count, PATIENCE, 5);
    }

    private static String describe(Toggle toggle) {
        return String.format("deactivation answered %.0f ms, unroutable p99 %.0f ms, all HOLD %.0f ms; activation"
                + " answered %.0f ms, routable p99 %.0f ms, all ACTIVE %.0f ms", toggle.deactivated(),
                toggle.unroutable().millisAt(0.99), toggle.allHeld(), toggle.activated(),
                toggle.routable().millisAt(0.99), toggle.allActive());
    }

    static String report(List<Run> runs, int dids, int sample) {
        StringBuilder md = new StringBuilder(String.format("%d run(s), median over the runs, spread (lowest–highest)"
                + " when more than one; the %,d-DID figures per DID over a sample of %d numbers spread over the range."
                + "%n%n| figure | 1 DID (baseline) | %,d DIDs | %,d ÷ 1 | target |%n| --- | --- | --- | --- | --- |%n",
                runs.size(), dids, sample, dids, dids));
        row(md, runs, "deactivation: answer", Toggle::deactivated, "");
        row(md, runs, "deactivation: unroutable p50", toggle -> toggle.unroutable().millisAt(0.5), "");
        row(md, runs, "deactivation: unroutable p99", toggle -> toggle.unroutable().millisAt(0.99), "≤ 250 ms");
        row(md, runs, "deactivation: every DID HOLD", Toggle::allHeld, "≤ 30 s");
        row(md, runs, "activation: answer", Toggle::activated, "");
        row(md, runs, "activation: routable p99", toggle -> toggle.routable().millisAt(0.99), "");
        row(md, runs, "activation: every DID ACTIVE", Toggle::allActive, "");
        double unroutable = Spread.median(runs, Run::big, toggle -> toggle.unroutable().millisAt(0.99));
        double held = Spread.median(runs, Run::big, Toggle::allHeld);
        md.append(String.format("%nC1 at %,d DIDs: unroutable p99 %.0f ms (%s, target ≤ 250 ms), every DID HOLD after"
                + " %.1f s (%s, target ≤ 30 s).%n", dids, unroutable, unroutable <= 250 ? "met" : "MISSED",
                held / 1000, held <= 30_000 ? "met" : "MISSED"));
        return md.toString();
    }

    private static void row(StringBuilder md, List<Run> runs, String figure,
                            ToDoubleFunction<Toggle> value, String target) {
        double single = Spread.median(runs, Run::single, value);
        double big = Spread.median(runs, Run::big, value);
        md.append(String.format("| %s | %s | %s | %.1f× | %s |%n", figure,
                Spread.of(runs, Run::single, value, "%.0f ms"), Spread.of(runs, Run::big, value, "%.0f ms"),
                big / single, target));
    }
}
