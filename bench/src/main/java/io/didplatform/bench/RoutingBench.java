package io.didplatform.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * R1 of issue 18: routing lookups through the gateway, authenticated as a switch is, beside the same lookups direct
 * on the service and, when {@code proxy} is given, through a minimal pass-through proxy in front of the service (the
 * physical limit of any proxy on this machine: one more HTTP hop, nothing else), same connections, same numbers, same
 * run. Each direct run is followed at once by its proxy and gateway runs, so all see the same machine. Prints each
 * run and writes the summary as Markdown to {@code report}.
 * <pre>
 * RoutingBench direct=URL gateway=URL gateway-header='X-Api-Key: …' token-command='bin/gateway-token …'
 *              first=N last=N [proxy=URL proxy-name=nginx connections=16 runs=3 seconds=20 warm-up=10 rate=2000
 *              report=FILE]
 * </pre>
 * The proxy passes the direct lookups' header (a gateway token) on untouched, so the service answers it alike.
 */
public final class RoutingBench {
    /** R1's targets: the gateway's throughput as a share of direct's; its p99 at the fixed rate. */
    private static final double TARGET_SHARE = 0.5;
    private static final double TARGET_P99_MS = 5.0;

    /** One run of each side; {@code proxy} is null when no minimal proxy is measured. */
    record Run(Latencies direct, Latencies proxy, Latencies gateway) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, "RoutingBench");
        int connections = options.integer("connections", 16);
        int runs = options.integer("runs", 3);
        double seconds = options.decimal("seconds", 20);
        double warmUp = options.decimal("warm-up", 10);
        int rate = options.integer("rate", 2000);
        String first = options.required("first");
        String last = options.required("last");
        String gatewayHeader = options.required("gateway-header") + "\r\n";
        SwitchToken token = new SwitchToken(List.of(options.required("token-command").split(" ")));
        LookupLoad direct = new LookupLoad(URI.create(options.required("direct")), token, first, last, connections);
        LookupLoad proxy = options.has("proxy")
                ? new LookupLoad(URI.create(options.required("proxy")), token, first, last, connections) : null;
        LookupLoad gateway = new LookupLoad(URI.create(options.required("gateway")), () -> gatewayHeader, first, last,
                connections);
        String proxyName = options.get("proxy-name", "minimal proxy");

        System.out.printf("warm-up: %.0f s each%n", warmUp);
        direct.flatOut(warmUp);
        if (proxy != null) {
            proxy.flatOut(warmUp);
        }
        gateway.flatOut(warmUp);
        List<Run> flatOut = new ArrayList<>();
        List<Run> atRate = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            flatOut.add(print("flat out, run " + run, new Run(direct.flatOut(seconds),
                    proxy == null ? null : proxy.flatOut(seconds), gateway.flatOut(seconds))));
        }
        for (int run = 1; run <= runs; run++) {
            atRate.add(print(rate + "/s, run " + run, new Run(direct.atRate(rate, seconds),
                    proxy == null ? null : proxy.atRate(rate, seconds), gateway.atRate(rate, seconds))));
        }
        String report = report(flatOut, atRate, proxyName, connections, seconds, rate);
        System.out.println();
        System.out.println(report);
        if (options.has("report")) {
            Files.writeString(Path.of(options.required("report")), report);
        }
        boolean failures = flatOut.stream().anyMatch(RoutingBench::failed) || atRate.stream().anyMatch(RoutingBench::failed);
        System.exit(failures ? 1 : 0);
    }

    private static Run print(String name, Run run) {
        System.out.printf("%s%n  direct:  %s%n", name, run.direct().summary());
        if (run.proxy() != null) {
            System.out.printf("  proxy:   %s%n", run.proxy().summary());
        }
        System.out.printf("  gateway: %s%n", run.gateway().summary());
        return run;
    }

    private static boolean failed(Run run) {
        return sides(run).anyMatch(latencies -> latencies.failed() > 0);
    }

    private static Stream<Latencies> sides(Run run) {
        return Stream.of(run.direct(), run.proxy(), run.gateway()).filter(Objects::nonNull);
    }

    static String report(List<Run> flatOut, List<Run> atRate, String proxyName, int connections, double seconds,
                         int rate) {
        boolean proxied = flatOut.get(0).proxy() != null;
        StringBuilder md = new StringBuilder();
        md.append(String.format("%d runs of %.0f s each; %d connections; median, and the spread (lowest–highest) over the"
                + " runs.%n%n", flatOut.size(), seconds, connections));
        md.append(proxied
                ? "| figure | direct on :8081 (baseline) | " + proxyName + " in front of :8081 (minimal proxy) | through"
                        + " the gateway | gateway ÷ direct | gateway ÷ minimal proxy |\n| --- | --- | --- | --- | --- | --- |\n"
                : "| figure | direct on :8081 (baseline) | through the gateway | gateway ÷ direct |\n| --- | --- | --- | --- |\n");
        double directRate = Spread.median(flatOut, Run::direct, Latencies::perSecond);
        double gatewayRate = Spread.median(flatOut, Run::gateway, Latencies::perSecond);
        md.append(String.format("| flat out: lookups/s | %s | %s**%.0f %%** (target ≥ %.0f %%) |%s%n",
                Spread.of(flatOut, Run::direct, Latencies::perSecond, "%,.0f"),
                (proxied ? Spread.of(flatOut, Run::proxy, Latencies::perSecond, "%,.0f") + " | " : "")
                        + Spread.of(flatOut, Run::gateway, Latencies::perSecond, "%,.0f") + " | ",
                100 * gatewayRate / directRate, 100 * TARGET_SHARE,
                proxied ? String.format(" %.0f %% |", 100 * gatewayRate / Spread.median(flatOut, Run::proxy, Latencies::perSecond)) : ""));
        for (double q : new double[] {0.5, 0.99, 0.999}) {
            md.append(row("flat out: " + name(q), flatOut, q, "", proxied));
        }
        for (double q : new double[] {0.5, 0.99, 0.999}) {
            String target = q == 0.99 ? String.format(" (target ≤ %.0f ms)", TARGET_P99_MS) : "";
            md.append(row(String.format("%,d/s: %s", rate, name(q)), atRate, q, target, proxied));
        }
        md.append(String.format("| failed lookups | %d | %s%d | |%s%n", failures(flatOut, atRate, Run::direct),
                proxied ? failures(flatOut, atRate, Run::proxy) + " | " : "", failures(flatOut, atRate, Run::gateway),
                proxied ? " |" : ""));
        double p99 = Spread.median(atRate, Run::gateway, latencies -> latencies.millisAt(0.99));
        md.append(String.format("%nR1: gateway throughput %.0f %% of direct (%s); gateway p99 at %,d/s %.2f ms (%s).%n",
                100 * gatewayRate / directRate, gatewayRate / directRate >= TARGET_SHARE ? "met" : "MISSED", rate, p99,
                p99 <= TARGET_P99_MS ? "met" : "MISSED"));
        if (proxied) {
            double proxyRate = Spread.median(flatOut, Run::proxy, Latencies::perSecond);
            md.append(String.format("The limit: %s, a pass-through proxy and nothing else, reaches %.0f %% of direct (%s 50 %%);"
                    + " the gateway reaches %.0f %% of it.%n", proxyName, 100 * proxyRate / directRate,
                    proxyRate / directRate >= TARGET_SHARE ? "at or above" : "below", 100 * gatewayRate / proxyRate));
        }
        return md.toString();
    }

    private static String row(String figure, List<Run> runs, double q, String target, boolean proxied) {
        ToDoubleFunction<Latencies> at = latencies -> latencies.millisAt(q);
        double gateway = Spread.median(runs, Run::gateway, at);
        return String.format("| %s | %s | %s%s | %.1f×%s |%s%n", figure, Spread.of(runs, Run::direct, at, "%.2f ms"),
                proxied ? Spread.of(runs, Run::proxy, at, "%.2f ms") + " | " : "", Spread.of(runs, Run::gateway, at, "%.2f ms"),
                gateway / Spread.median(runs, Run::direct, at), target,
                proxied ? String.format(" %.1f× |", gateway / Spread.median(runs, Run::proxy, at)) : "");
    }

    private static String name(double quantile) {
        return quantile == 0.5 ? "p50" : quantile == 0.99 ? "p99" : "p99.9";
    }

    private static int failures(List<Run> flatOut, List<Run> atRate, Function<Run, Latencies> side) {
        return Stream.concat(flatOut.stream(), atRate.stream()).map(side).mapToInt(Latencies::failed).sum();
    }

    private RoutingBench() {
    }
}
