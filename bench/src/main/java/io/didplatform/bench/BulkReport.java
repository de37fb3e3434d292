package io.didplatform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * B1 of issue 18, the summary: what did-inventory-service/bench/bulk-benchmark.sh (a range and an import of N DIDs on
 * the full system, each step timed from the request) and bench/storage-floor.sh (COPY of the rows the system kept
 * for those DIDs into empty tables of the same shape) printed, as one table with each step's rate beside the floor's.
 * The scripts measure; this only reads their output, so the two stay the one place the measurement is written.
 * <pre>
 * BulkReport dids=N benchmark=FILE floor=FILE [report=FILE]
 * </pre>
 */
public final class BulkReport {
    /** B1's target: DIDs in audit per second, as a share of the storage floor's DIDs per second. */
    private static final double TARGET_SHARE = 0.7;
    private static final List<String> STEPS = List.of("job done", "read model", "routable", "on Kafka", "in audit");
    private static final Map<String, String> NAMES = Map.of("job done", "job finished", "read model",
            "searchable (in the read model)", "routable", "routable (the last number in the routing table)",
            "on Kafka", "on Kafka (both outbox lanes)", "in audit", "**in audit (end to end)**");
    private static final Pattern STEP = Pattern.compile("^(range|import)\\s+(job done|read model|routable|on Kafka|in audit)"
            + "\\s+([0-9.]+)s");
    private static final Pattern COPY = Pattern.compile("^COPY\\s+(\\d+) rows\\s+([0-9.]+)s\\s+(\\d+) rows/s");
    private static final Pattern TABLE = Pattern.compile("^\\s+(\\S+\\.\\S+)\\s+(\\d+) bytes\\s+([0-9.]+)s");
    private static final Pattern ALL_AT_ONCE = Pattern.compile("^floor, all tables at once\\s+([0-9.]+)s");

    /** Each job's steps (seconds from its request), the floor's tables (bytes, seconds) and its time at once. */
    record Parsed(Map<String, Map<String, Double>> steps, double copySeconds, long copyRate,
                  Map<String, double[]> tables, double floorSeconds) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, "BulkReport");
        long dids = Long.parseLong(options.required("dids"));
        String report = report(parse(Files.readAllLines(Path.of(options.required("benchmark"))),
                Files.readAllLines(Path.of(options.required("floor")))), dids);
        System.out.println(report);
        if (options.has("report")) {
            Files.writeString(Path.of(options.required("report")), report);
        }
    }

    static Parsed parse(List<String> benchmark, List<String> floor) {
        Map<String, Map<String, Double>> steps = new LinkedHashMap<>();
        double copySeconds = Double.NaN;
        long copyRate = 0;
        for (String line : benchmark) {
            Matcher step = STEP.matcher(line);
            Matcher copy = COPY.matcher(line);
            if (step.find()) {
                steps.computeIfAbsent(step.group(1), job -> new LinkedHashMap<>())
                        .put(step.group(2), Double.parseDouble(step.group(3)));
            } else if (copy.find()) {
                copySeconds = Double.parseDouble(copy.group(2));
                copyRate = Long.parseLong(copy.group(3));
            }
        }
        Map<String, double[]> tables = new LinkedHashMap<>();
        double floorSeconds = Double.NaN;
        for (String line : floor) {
            Matcher table = TABLE.matcher(line);
            Matcher all = ALL_AT_ONCE.matcher(line);
            if (table.find()) {
                tables.put(table.group(1), new double[] {Double.parseDouble(table.group(2)),
                        Double.parseDouble(table.group(3))});
            } else if (all.find()) {
                floorSeconds = Double.parseDouble(all.group(1));
            }
        }
        return new Parsed(steps, copySeconds, copyRate, tables, floorSeconds);
    }

    /** {@code dids}: N, the DIDs of each job; the floor held the rows of both jobs' 2N. */
    static String report(Parsed run, long dids) {
        double floorRate = 2 * dids / run.floorSeconds();
        List<String> jobs = new ArrayList<>(run.steps().keySet());
        StringBuilder md = new StringBuilder(String.format("A range of %,d numbers and an import of a %,d-row CSV"
                + " through the gateway (`bulk-benchmark.sh`), each step timed from the job's request; DIDs per"
                + " second, and the share of the storage floor's rate. Baseline, same run: the storage floor, `COPY`"
                + " of exactly the rows the system kept for the %,d DIDs (every table with at least one row per DID,"
                + " in every service's database) into empty tables of the same shape, all at once (`storage-floor.sh`).%n%n",
                dids, dids, 2 * dids));
        md.append("| step |").append(jobs.stream().map(job -> " " + job + " |").reduce("", String::concat))
                .append("\n| --- |").append(" --- |".repeat(jobs.size())).append('\n');
        for (String step : STEPS) {
            md.append("| ").append(NAMES.get(step)).append(" |");
            for (String job : jobs) {
                Double seconds = run.steps().get(job).get(step);
                md.append(seconds == null ? " — |" : String.format(" %.1f s, %,.0f/s (%.0f %%) |", seconds,
                        dids / seconds, 100 * dids / seconds / floorRate));
            }
            md.append('\n');
        }
        md.append(String.format("%n| the storage floor's tables (rows of %,d DIDs) | bytes | `COPY` |%n| --- | --- | --- |%n",
                2 * dids));
        run.tables().forEach((table, figures) -> md.append(String.format("| %s | %,.0f | %.2f s |%n", table,
                figures[0], figures[1])));
        md.append(String.format("| **all at once** | | **%.2f s: %,.0f DIDs/s** |%n", run.floorSeconds(), floorRate));
        md.append(String.format("%nFor scale: `COPY` of %,d narrow rows into a scratch table took %.2f s (%,d rows/s).%n",
                dids, run.copySeconds(), run.copyRate()));
        StringBuilder verdict = new StringBuilder();
        boolean met = !jobs.isEmpty();
        for (String job : jobs) {
            Double seconds = run.steps().get(job).get("in audit");
            double share = seconds == null ? 0 : dids / seconds / floorRate;
            met &= share >= TARGET_SHARE;
            verdict.append(String.format("%s%s %.0f %%", verdict.length() == 0 ? "" : ", ", job, 100 * share));
        }
        md.append(String.format("%nB1: in audit at %s of the storage floor (target ≥ %.0f %%: %s).%n", verdict,
                100 * TARGET_SHARE, met ? "met" : "MISSED"));
        return md.toString();
    }

    private BulkReport() {
    }
}
