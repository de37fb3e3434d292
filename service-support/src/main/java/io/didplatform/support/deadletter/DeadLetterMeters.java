package io.didplatform.support.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Supplier;

/**
 * Dead letters as metrics, per consumer: {@code did.dead.letters} (gauge: how many wait now) and
 * {@code did.dead.lettered} (counter: how many were added since start-up). Tag {@code kind} is {@code kafka} (a
 * Kafka listener: consumer {@code <topic>.<consumer group>}) or {@code axon} (an event processor: consumer = its
 * processing group).
 */
public class DeadLetterMeters {
    public static final String WAITING = "did.dead.letters";
    public static final String ADDED = "did.dead.lettered";
    public static final String KAFKA = "kafka";
    public static final String AXON = "axon";

    private final MeterRegistry registry;

    public DeadLetterMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Reads {@code waiting} when the metrics are scraped (a count query: dead letters are few). */
    void watch(String kind, String consumer, Supplier<Number> waiting) {
        Gauge.builder(WAITING, waiting).tags("kind", kind, "consumer", consumer)
                .description("Dead letters waiting to be retried or discarded").strongReference(true).register(registry);
        // the counter shows 0 from the start rather than appearing with the first dead letter
        registry.counter(ADDED, "kind", kind, "consumer", consumer);
    }

    void added(String kind, String consumer) {
        registry.counter(ADDED, "kind", kind, "consumer", consumer).increment();
    }
}
