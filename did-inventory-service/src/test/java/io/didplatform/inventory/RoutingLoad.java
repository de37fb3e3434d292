package io.didplatform.inventory;

import io.didplatform.security.AccessRules;
import io.didplatform.security.GatewayTokens;
import io.didplatform.testing.TestGatewayTokens;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The load switches put on routing lookups, run by {@link InventoryBenchmark} as a process of its own, as a switch
 * is: the service's heap, collector and threads are not the client's. A lookup is due every 1/rate s whatever
 * the earlier ones do, and each lookup's latency counts from when it was due, so lookups held up behind a slow one
 * count as late too (no coordinated omission). The due lookups are dealt round-robin to 16 workers, each with one
 * connection (HTTP keep-alive, or a JDBC connection with its statement prepared), as a switch would keep.
 * <pre>
 * RoutingLoad http http://127.0.0.1:8081/api/routing/ FIRST LAST RATE SECONDS WARM_UP_SECONDS
 * RoutingLoad sql  jdbc:postgresql://…/did_inventory FIRST LAST RATE SECONDS WARM_UP_SECONDS
 * </pre>
 * (the database user and password from the system properties {@code jdbc.user} and {@code jdbc.password}). HTTP
 * lookups carry a token signed as the gateway signs them, renewed as the gateway renews it.
 * Looks up random numbers from FIRST to LAST (all must exist) and prints one line: the latencies of the measured
 * part, after the warm-up.
 */
public final class RoutingLoad {
    private static final int WORKERS = 16;

    private interface Lookup {
        void find(String number) throws Exception;
    }

    private interface LookupFactory {
        Lookup open() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        LookupFactory lookups = args[0].equals("http") ? httpLookups(args[1])
                : sqlLookups(args[1], System.getProperty("jdbc.user"), System.getProperty("jdbc.password"));
        long first = Long.parseLong(args[2]);
        long last = Long.parseLong(args[3]);
        String format = "%0" + args[2].length() + "d";
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmUp = Integer.parseInt(args[6]);

        Lookup[] workers = new Lookup[WORKERS];
        for (int i = 0; i < WORKERS; i++) {
            workers[i] = lookups.open();
        }
        run(workers, first, last, format, rate, warmUp);
        long[] latencies = run(workers, first, last, format, rate, seconds);
        int failures = (int) Arrays.stream(latencies).filter(latency -> latency < 0).count();
        Arrays.sort(latencies);
        System.out.printf("n=%d p50=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms (%d failed)%n", latencies.length,
                at(latencies, 0.50), at(latencies, 0.99), at(latencies, 0.999), latencies[latencies.length - 1] / 1e6,
                failures);
        System.exit(failures == 0 ? 0 : 1);
    }

    /**
     * Lookup i is due at start + i/rate; worker w sends lookups w, w + WORKERS, w + 2 WORKERS... each when it is due,
     * or at once when the worker is late. A failed lookup's latency is -1.
     */
    private static long[] run(Lookup[] workers, long first, long last, String format, int rate, int seconds)
            throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        long start = System.nanoTime() + 50_000_000L;
        Thread[] threads = new Thread[workers.length];
        for (int w = 0; w < workers.length; w++) {
            Lookup lookup = workers[w];
            int worker = w;
            threads[w] = new Thread(() -> {
                for (int i = worker; i < total; i += workers.length) {
                    long due = start + i * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String number = String.format(format, ThreadLocalRandom.current().nextLong(first, last + 1));
                    try {
                        lookup.find(number);
                        latencies[i] = System.nanoTime() - due;
                    } catch (Exception e) {
                        latencies[i] = -1;
                    }
                }
            }, "lookup-" + w);
            threads[w].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return latencies;
    }

    private static LookupFactory httpLookups(String baseUrl) {
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(WORKERS).setMaxConnPerRoute(WORKERS).build())
                .build();
        SwitchToken token = new SwitchToken();
        return () -> number -> client.execute(get(baseUrl + number, token.value()), response -> {
            EntityUtils.consume(response.getEntity());
            if (response.getCode() != 200) {
                throw new IllegalStateException("routing answered " + response.getCode());
            }
            return null;
        });
    }

    private static HttpGet get(String url, String token) {
        HttpGet get = new HttpGet(url);
        get.setHeader("Authorization", "Bearer " + token);
        return get;
    }

    /** A switch's token, signed again when it is half its life old. */
    private static final class SwitchToken {
        private volatile String value;
        private volatile long signedAt;

        String value() {
            long now = System.nanoTime();
            if (value == null || now - signedAt > GatewayTokens.LIFETIME.toNanos() / 2) {
                value = TestGatewayTokens.token("did-inventory-service", "switch", AccessRules.AUDITOR);
                signedAt = now;
            }
            return value;
        }
    }

    private static LookupFactory sqlLookups(String url, String user, String password) {
        return () -> {
            Connection connection = DriverManager.getConnection(url, user, password);
            PreparedStatement select = connection.prepareStatement("select status, destination from did_view where number = ?");
            return number -> {
                select.setString(1, number);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no DID " + number);
                    }
                }
            };
        };
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private RoutingLoad() {
    }
}
