package io.didplatform.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S1 of issue 18: the DID list's first page with its counts per status, as the UI asks for it (50 DIDs), through
 * the gateway, one request at a time: with no filter and with each single filter (a status, an operator, a tag, a
 * client, a number prefix), its values taken from the DIDs there are. Beside each, one DID read through the same
 * gateway and service ({@code GET /api/dids/{number}}): the floor of any answer from the DID view.
 * <pre>
 * PageBench gateway=URL authorization='Basic …' [runs=3 requests=200 report=FILE]
 * </pre>
 */
public final class PageBench {
    private static final double TARGET_P99_MS = 100;

    record Run(Map<String, Latencies> pages, Latencies reads) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, "PageBench");
        GatewayCalls calls = new GatewayCalls(URI.create(options.required("gateway")), options.required("authorization"));
        int runs = options.integer("runs", 3);
        int requests = options.integer("requests", 200);

        String any = calls.get("/api/dids?size=1");
        long total = Long.parseLong(GatewayCalls.field(any.substring(any.indexOf("\"page\"")), "totalElements"));
        String number = GatewayCalls.field(any, "number");
        if (total == 0 || number == null) {
            throw new IllegalStateException("S1 measures pages of DIDs, and there are none: run it after the figures"
                    + " that create them, or create some first");
        }
        String held = calls.get("/api/dids?size=1&status=ACTIVE");
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("no filter", "");
        filters.put("status (IN_STOCK)", "&status=IN_STOCK");
        filters.put("operator", "&operatorId=" + encode(GatewayCalls.field(any, "operatorId")));
        String tag = GatewayCalls.field(any, "tag");
        if (tag != null && !tag.equals("null")) {
            filters.put("tag", "&tag=" + encode(tag));
        }
        String client = GatewayCalls.field(held, "clientId");
        if (client != null && !client.equals("null")) {
            filters.put("client", "&clientId=" + encode(client));
        }
        filters.put("number prefix (4 digits)", "&number=" + number.substring(0, Math.min(4, number.length())));
        System.out.printf("%,d DIDs; filters from DID %s%n", total, number);

        List<Run> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Map<String, Latencies> pages = new LinkedHashMap<>();
            for (Map.Entry<String, String> filter : filters.entrySet()) {
                pages.put(filter.getKey(), timed(calls, "/api/dids?page=0&size=50" + filter.getValue(), requests));
                System.out.printf("run %d, %s: %s%n", run, filter.getKey(), pages.get(filter.getKey()).summary());
            }
            Latencies reads = timed(calls, "/api/dids/" + number, requests);
            System.out.printf("run %d, one DID: %s%n", run, reads.summary());
            results.add(new Run(pages, reads));
        }
        String report = report(results, filters.keySet(), requests, total);
        System.out.println(report);
        if (options.has("report")) {
            Files.writeString(Path.of(options.required("report")), report);
        }
    }

    private static Latencies timed(GatewayCalls calls, String path, int requests) {
        calls.get(path); // the first of a kind warms its plan and connection; not counted
        long[] nanos = new long[requests];
        long began = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            calls.get(path);
            nanos[i] = System.nanoTime() - start;
        }
        return Latencies.of(nanos, 0, (System.nanoTime() - began) / 1e9);
    }

    static String report(List<Run> runs, Iterable<String> filters, int requests, long total) {
        StringBuilder md = new StringBuilder(String.format("%d runs over %,d DIDs, each %d requests of every page one"
                + " at a time (50 DIDs and the counts per status); median, and the spread (lowest–highest) over the"
                + " runs.%n%n", runs.size(), total, requests));
        md.append("| page | p50 | p99 | p99.9 | baseline: one DID, p99 | page p99 ÷ baseline | target p99 |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        double worst = 0;
        for (String filter : filters) {
            double p99 = Spread.median(runs, run -> run.pages().get(filter), l -> l.millisAt(0.99));
            double base = Spread.median(runs, Run::reads, l -> l.millisAt(0.99));
            worst = Math.max(worst, p99);
            md.append(String.format("| %s | %s | %s | %s | %s | %.1f | ≤ %.0f ms |%n", filter,
                    Spread.of(runs, run -> run.pages().get(filter), l -> l.millisAt(0.5), "%.1f ms"),
                    Spread.of(runs, run -> run.pages().get(filter), l -> l.millisAt(0.99), "%.1f ms"),
                    Spread.of(runs, run -> run.pages().get(filter), l -> l.millisAt(0.999), "%.1f ms"),
                    Spread.of(runs, Run::reads, l -> l.millisAt(0.99), "%.1f ms"), p99 / base, TARGET_P99_MS));
        }
        md.append(String.format("%nS1 at %,d DIDs: the slowest page's p99 %.1f ms (%s).%n", total, worst,
                worst <= TARGET_P99_MS ? "met" : "MISSED"));
        return md.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private PageBench() {
    }
}
