package io.didplatform.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * R1 of issue 18: routing lookups through the gateway, authenticated as a switch is, beside the same lookups direct
 * on the service, same connections, same numbers, same run. Each direct run is followed at once by its gateway run,
 * so both see the same machine. Prints each run and writes the summary as Markdown to {@code report}.
 * <pre>
 * RoutingBench direct=URL gateway=URL gateway-header='X-Api-Key: …' token-command='bin/gateway-token …'
 *              first=N last=N [connections=16 runs=3 seconds=20 warm-up=10 rate=2000 report=FILE]
 * </pre>
 */
public final class RoutingBench {
    /** R1's targets: the gateway's throughput as a share of direct's; its p99 at the fixed rate. */
    private static final double TARGET_SHARE = 0.5;
    private static final double TARGET_P99_MS = 5.0;

    record Pair(Latencies direct, Latencies gateway) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "20"));
        double warmUp = Double.parseDouble(options.getOrDefault("warm-up", "10"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "2000"));
        String first = required(options, "first");
        String last = required(options, "last");
        String gatewayHeader = required(options, "gateway-header") + "\r\n";
        SwitchToken token = new SwitchToken(List.of(required(options, "token-command").split(" ")));
        LookupLoad direct = new LookupLoad(URI.create(required(options, "direct")), token, first, last, connections);
        LookupLoad gateway = new LookupLoad(URI.create(required(options, "gateway")), () -> gatewayHeader, first, last,
                connections);

        System.out.printf("warm-up: %.0f s each%n", warmUp);
        direct.flatOut(warmUp);
        gateway.flatOut(warmUp);
        List<Pair> flatOut = new ArrayList<>();
        List<Pair> atRate = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            flatOut.add(print("flat out, run " + run, new Pair(direct.flatOut(seconds), gateway.flatOut(seconds))));
        }
        for (int run = 1; run <= runs; run++) {
            atRate.add(print(rate + "/s, run " + run, new Pair(direct.atRate(rate, seconds), gateway.atRate(rate, seconds))));
        }
        String report = report(flatOut, atRate, connections, seconds, rate);
        System.out.println();
        System.out.println(report);
        if (options.containsKey("report")) {
            Files.writeString(Path.of(options.get("report")), report);
        }
        boolean failures = flatOut.stream().anyMatch(RoutingBench::failed) || atRate.stream().anyMatch(RoutingBench::failed);
        System.exit(failures ? 1 : 0);
    }

    private static Pair print(String name, Pair pair) {
        System.out.printf("%s%n  direct:  %s%n  gateway: %s%n", name, pair.direct().summary(), pair.gateway().summary());
        return pair;
    }

    private static boolean failed(Pair pair) {
        return pair.direct().failed() > 0 || pair.gateway().failed() > 0;
    }

    static String report(List<Pair> flatOut, List<Pair> atRate, int connections, double seconds, int rate) {
        StringBuilder md = new StringBuilder();
        md.append(String.format("%d runs of %.0f s each; %d connections; median, and the spread (lowest–highest) over the"
                + " runs.%n%n", flatOut.size(), seconds, connections));
        md.append("| figure | direct on :8081 (baseline) | through the gateway | gateway ÷ direct |\n");
        md.append("| --- | --- | --- | --- |\n");
        double directRate = median(flatOut, Pair::direct, Latencies::perSecond);
        double gatewayRate = median(flatOut, Pair::gateway, Latencies::perSecond);
        md.append(String.format("| flat out: lookups/s | %s | %s | **%.0f %%** (target ≥ %.0f %%) |%n",
                spread(flatOut, Pair::direct, Latencies::perSecond, "%,.0f"),
                spread(flatOut, Pair::gateway, Latencies::perSecond, "%,.0f"), 100 * gatewayRate / directRate,
                100 * TARGET_SHARE));
        for (double q : new double[] {0.5, 0.99, 0.999}) {
            md.append(row("flat out: " + name(q), flatOut, q, ""));
        }
        for (double q : new double[] {0.5, 0.99, 0.999}) {
            String target = q == 0.99 ? String.format(" (target ≤ %.0f ms)", TARGET_P99_MS) : "";
            md.append(row(String.format("%,d/s: %s", rate, name(q)), atRate, q, target));
        }
        md.append(String.format("| failed lookups | %d | %d | |%n",
                failures(flatOut, Pair::direct) + failures(atRate, Pair::direct),
                failures(flatOut, Pair::gateway) + failures(atRate, Pair::gateway)));
        double p99 = median(atRate, Pair::gateway, latencies -> latencies.millisAt(0.99));
        md.append(String.format("%nR1: gateway throughput %.0f %% of direct (%s); gateway p99 at %,d/s %.2f ms (%s).%n",
                100 * gatewayRate / directRate, gatewayRate / directRate >= TARGET_SHARE ? "met" : "MISSED", rate, p99,
                p99 <= TARGET_P99_MS ? "met" : "MISSED"));
        return md.toString();
    }

    private static String row(String figure, List<Pair> pairs, double q, String target) {
        double direct = median(pairs, Pair::direct, latencies -> latencies.millisAt(q));
        double gateway = median(pairs, Pair::gateway, latencies -> latencies.millisAt(q));
        return String.format("| %s | %s | %s | %.1f×%s |%n", figure,
                spread(pairs, Pair::direct, latencies -> latencies.millisAt(q), "%.2f ms"),
                spread(pairs, Pair::gateway, latencies -> latencies.millisAt(q), "%.2f ms"), gateway / direct, target);
    }

    private static String name(double quantile) {
        return quantile == 0.5 ? "p50" : quantile == 0.99 ? "p99" : "p99.9";
    }

    private static int failures(List<Pair> pairs, Function<Pair, Latencies> side) {
        return pairs.stream().mapToInt(pair -> side.apply(pair).failed()).sum();
    }

    private static double median(List<Pair> pairs, Function<Pair, Latencies> side,
                                 ToDoubleFunction<Latencies> figure) {
        double[] values = pairs.stream().map(side).mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String spread(List<Pair> pairs, Function<Pair, Latencies> side,
                                 ToDoubleFunction<Latencies> figure, String format) {
        double[] values = pairs.stream().map(side).mapToDouble(figure).sorted().toArray();
        return String.format(format + " (" + format + "–" + format + ")", median(pairs, side, figure), values[0],
                values[values.length - 1]);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected name=value, got '" + arg + "'");
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing " + name + "=...; see RoutingBench's Javadoc");
        }
        return value;
    }

    private RoutingBench() {
    }
}
