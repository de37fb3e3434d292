package io.didplatform.inventory;

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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The load switches put on routing lookups, run by {@link InventoryBenchmark} as a process of its own, as a switch
 * is: the service's heap, collector and threads are not the client's. Open model: one lookup is due every
 * 1/rate s whatever the earlier ones do, and each lookup's latency counts from when it was due, so answers
 * queued behind a slow one count as late too (no coordinated omission). Each worker keeps one connection
 * (HTTP keep-alive, or a JDBC connection with its statement prepared), as a switch would.
 * <pre>
 * RoutingLoad http http://127.0.0.1:8081/api/routing/ FIRST LAST RATE SECONDS WARM_UP_SECONDS
 * RoutingLoad sql  jdbc:postgresql://…/did_inventory FIRST LAST RATE SECONDS WARM_UP_SECONDS
 * </pre>
 * (the database user and password from the system properties {@code jdbc.user} and {@code jdbc.password}).
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

    private record Due(long at, String number, long[] latencies, int index, CountDownLatch done) {
    }

    public static void main(String[] args) throws Exception {
        LookupFactory lookups = args[0].equals("http") ? httpLookups(args[1])
                : sqlLookups(args[1], System.getProperty("jdbc.user"), System.getProperty("jdbc.password"));
        long first = Long.parseLong(args[2]);
        long last = Long.parseLong(args[3]);
        int width = args[2].length();
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmUp = Integer.parseInt(args[6]);

        BlockingQueue<Due> queue = new ArrayBlockingQueue<>(rate * 10);
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < WORKERS; i++) {
            Lookup lookup = lookups.open();
            Thread worker = new Thread(() -> work(queue, lookup, failures), "lookup-" + i);
            worker.setDaemon(true);
            worker.start();
        }
        run(queue, first, last, width, rate, warmUp);
        long started = System.nanoTime();
        long[] latencies = run(queue, first, last, width, rate, seconds);
        double achieved = latencies.length / ((System.nanoTime() - started) / 1e9);
        Arrays.sort(latencies);
        System.out.printf("n=%d p50=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms (%.0f/s reached, %d failed)%n",
                latencies.length, at(latencies, 0.50), at(latencies, 0.99), at(latencies, 0.999),
                latencies[latencies.length - 1] / 1e6, achieved, failures.get());
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    private static long[] run(BlockingQueue<Due> queue, long first, long last, int width, int rate, int seconds)
            throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        CountDownLatch done = new CountDownLatch(total);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 200_000));
            }
            long number = ThreadLocalRandom.current().nextLong(first, last + 1);
            queue.put(new Due(due, String.format("%0" + width + "d", number), latencies, i, done));
        }
        done.await();
        return latencies;
    }

    private static void work(BlockingQueue<Due> queue, Lookup lookup, AtomicInteger failures) {
        while (true) {
            Due due;
            try {
                due = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                lookup.find(due.number());
            } catch (Exception e) {
                failures.incrementAndGet();
            }
            due.latencies()[due.index()] = System.nanoTime() - due.at();
            due.done().countDown();
        }
    }

    private static LookupFactory httpLookups(String baseUrl) {
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(WORKERS).setMaxConnPerRoute(WORKERS).build())
                .build();
        return () -> number -> client.execute(new HttpGet(baseUrl + number), response -> {
            EntityUtils.consume(response.getEntity());
            if (response.getCode() != 200) {
                throw new IllegalStateException("routing answered " + response.getCode());
            }
            return null;
        });
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
