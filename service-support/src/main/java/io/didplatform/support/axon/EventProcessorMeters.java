package io.didplatform.support.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An event processor's meters under Axon's names and tags (timers, counters, latency gauge), looked up once per
 * payload type. Axon's own monitors look nine meters up in the registry for every event and record each handling
 * time into percentile histograms, a cost a busy processor pays on every event. The tags may depend only on the
 * payload type, as Axon's dimensional tags (payload type, processor name) do. Timers keep count, total and max;
 * percentiles are for the metrics backend to compute.
 */
final class EventProcessorMeters implements MessageMonitor<EventMessage<?>> {
    private final String name;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Function<Message<?>, Iterable<Tag>> latencyTags;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();
    private final AtomicLong lastReceived = new AtomicLong(-1);
    private final AtomicLong lastProcessed = new AtomicLong(-1);
    private volatile boolean latencyRegistered;

    EventProcessorMeters(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags,
                         Function<Message<?>, Iterable<Tag>> latencyTags) {
        this.name = name;
        this.registry = registry;
        this.tags = tags;
        this.latencyTags = latencyTags;
    }

    private record Meters(Timer all, Timer success, Timer failure, Timer ignored, Counter ingested,
                          Counter succeeded, Counter failed, Counter processed, Counter ignoredCount) {
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), type -> metersFor(message));
        registerLatencyOnce(message);
        long eventTime = message.getTimestamp().toEpochMilli();
        lastReceived.accumulateAndGet(eventTime, Math::max);
        meters.ingested().increment();
        long start = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                done(meters.success());
                meters.processed().increment();
                meters.succeeded().increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                done(meters.failure());
                meters.processed().increment();
                meters.failed().increment();
            }

            @Override
            public void reportIgnored() {
                done(meters.ignored());
                meters.ignoredCount().increment();
            }

            private void done(Timer outcome) {
                long nanos = System.nanoTime() - start;
                meters.all().record(nanos, TimeUnit.NANOSECONDS);
                outcome.record(nanos, TimeUnit.NANOSECONDS);
                lastProcessed.accumulateAndGet(eventTime, Math::max);
            }
        };
    }

    private Meters metersFor(Message<?> message) {
        Iterable<Tag> messageTags = tags.apply(message);
        return new Meters(timer("allTimer", messageTags), timer("successTimer", messageTags),
                timer("failureTimer", messageTags), timer("ignoredTimer", messageTags),
                counter("ingestedCounter", messageTags), counter("successCounter", messageTags),
                counter("failureCounter", messageTags), counter("processedCounter", messageTags),
                counter("ignoredCounter", messageTags));
    }

    private Timer timer(String kind, Iterable<Tag> messageTags) {
        return Timer.builder(name + "." + kind).tags(messageTags).register(registry);
    }

    private Counter counter(String kind, Iterable<Tag> messageTags) {
        return registry.counter(name + "." + kind, messageTags);
    }

    /** How far the last processed event's time lags behind the last received one's, as Axon's latency gauge. */
    private void registerLatencyOnce(Message<?> message) {
        if (!latencyRegistered) {
            Gauge.builder(name + ".latency", this, EventProcessorMeters::latencyMillis)
                    .tags(latencyTags.apply(message))
                    .register(registry);
            latencyRegistered = true;
        }
    }

    private double latencyMillis() {
        long received = lastReceived.get();
        long processed = lastProcessed.get();
        return received == -1 || processed == -1 ? 0 : received - processed;
    }
}
