package io.didplatform.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time the system's processes have used, by part: each service's JVM, the gateway, the Kafka broker and
 * PostgreSQL (all its server processes). Read before and after a load, it says what one request cost each part, and
 * whether the figure is bound by the machine's cores. Processes of another user are counted only when this one may
 * read them (root may).
 */
final class SystemCpu {
    private static final String[] SERVICES = {"did-inventory-service", "client-service", "package-service",
            "audit-service", "gateway"};

    private SystemCpu() {
    }

    /** CPU time so far of each part that runs now. */
    static Map<String, Duration> now() {
        Map<String, Duration> used = new TreeMap<>();
        ProcessHandle.allProcesses().forEach(process -> {
            String part = partOf(process.info().commandLine().orElse(""));
            Duration cpu = process.info().totalCpuDuration().orElse(null);
            if (part != null && cpu != null) {
                used.merge(part, cpu, Duration::plus);
            }
        });
        return used;
    }

    /** Milliseconds of CPU per request of each part between two readings, the busiest first, then their total. */
    static Map<String, Double> perRequest(Map<String, Duration> before, Map<String, Duration> after, int requests) {
        Map<String, Double> perRequest = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(part -> Map.entry(part.getKey(), part.getValue().minus(before.getOrDefault(part.getKey(),
                        Duration.ZERO)).toNanos() / 1e6 / requests))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(part -> perRequest.put(part.getKey(), part.getValue()));
        perRequest.put("total", perRequest.values().stream().mapToDouble(Double::doubleValue).sum());
        return perRequest;
    }

    private static String partOf(String commandLine) {
        if (commandLine.startsWith("postgres") || commandLine.contains("/bin/postgres")) {
            return "PostgreSQL";
        }
        if (!commandLine.contains("java")) {
            return null;
        }
        if (commandLine.contains("kafka.Kafka")) {
            return "Kafka";
        }
        for (String service : SERVICES) {
            if (commandLine.contains(service) && commandLine.contains(".jar")) {
                return service;
            }
        }
        return null;
    }
}
