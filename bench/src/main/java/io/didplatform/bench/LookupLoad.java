package io.didplatform.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Routing lookups of random numbers from one range, sent over {@code connections} kept-alive connections, one
 * thread each. Two shapes: {@link #flatOut} sends the next lookup as soon as the last is answered (throughput at
 * that concurrency); {@link #atRate} makes a lookup due every 1/rate s and counts each latency from when it was due,
 * so lookups held up behind a slow one count as late too (no coordinated omission).
 */
final class LookupLoad {
    private final URI base;
    private final Supplier<String> headers;
    private final long first;
    private final long last;
    private final String format;
    private final int connections;

    /** {@code base}: e.g. {@code http://127.0.0.1:8080/api/routing/}; numbers from {@code first} to {@code last}. */
    LookupLoad(URI base, Supplier<String> headers, String first, String last, int connections) {
        this.base = base;
        this.headers = headers;
        this.first = Long.parseLong(first);
        this.last = Long.parseLong(last);
        this.format = "%0" + first.length() + "d";
        this.connections = connections;
    }

    Latencies flatOut(double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        return run((connection, worker, latencies) -> {
            for (long sent = System.nanoTime(); sent < end; sent = System.nanoTime()) {
                latencies.add(lookUp(connection) ? System.nanoTime() - sent : -1);
            }
        });
    }

    Latencies atRate(int rate, double seconds) throws Exception {
        long total = (long) (rate * seconds);
        long start = System.nanoTime() + 50_000_000L;
        return run((connection, worker, latencies) -> {
            for (long i = worker; i < total; i += connections) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                latencies.add(lookUp(connection) ? System.nanoTime() - due : -1);
            }
        });
    }

    private boolean lookUp(KeptAliveConnection connection) {
        String number = String.format(format, ThreadLocalRandom.current().nextLong(first, last + 1));
        try {
            return connection.get(base.getRawPath() + number) == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private interface Worker {
        void work(KeptAliveConnection connection, int worker, Recorded latencies) throws Exception;
    }

    private Latencies run(Worker body) throws Exception {
        List<Recorded> recorded = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicInteger broken = new AtomicInteger();
        long started = System.nanoTime();
        for (int w = 0; w < connections; w++) {
            Recorded latencies = new Recorded();
            recorded.add(latencies);
            KeptAliveConnection connection = new KeptAliveConnection(base, headers);
            int worker = w;
            Thread thread = new Thread(() -> {
                try (connection) {
                    body.work(connection, worker, latencies);
                } catch (Exception e) {
                    broken.incrementAndGet();
                }
            }, "lookups-" + w);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = recorded.stream().flatMapToLong(Recorded::answered).toArray();
        int failed = recorded.stream().mapToInt(Recorded::failed).sum() + broken.get();
        return Latencies.of(all, failed, seconds);
    }

    /** One worker's latencies; -1 for a failed lookup. */
    private static final class Recorded {
        private long[] nanos = new long[1 << 14];
        private int size;
        private int failed;

        void add(long latency) {
            if (latency < 0) {
                failed++;
                return;
            }
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = latency;
        }

        LongStream answered() {
            return Arrays.stream(nanos, 0, size);
        }

        int failed() {
            return failed;
        }
    }
}
