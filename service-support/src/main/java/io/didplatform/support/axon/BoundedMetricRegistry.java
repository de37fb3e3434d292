package io.didplatform.support.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

import java.util.List;
import java.util.function.Function;

/**
 * Axon's metrics (timers, counters, processor latency) without its capacity monitor, which keeps every message's
 * handling time for ten minutes in a sorted map: after a bulk job those maps hold an entry per event, a heap that
 * lengthens every young collection, the routing lookups' pauses among them. Event processors get
 * {@link EventProcessorMeters}, the same meters found once per payload type rather than once per event.
 */
class BoundedMetricRegistry extends GlobalMetricRegistry {
    private final MeterRegistry registry;

    BoundedMetricRegistry(MeterRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name,
                                                                        Function<Message<?>, Iterable<Tag>> tags,
                                                                        Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new EventProcessorMeters(name, registry, tags, latencyTags);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return timedAndCounted(name, tags);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return timedAndCounted(name, tags);
    }

    private MessageMonitor<Message<?>> timedAndCounted(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return new MultiMessageMonitor<>(List.of(MessageTimerMonitor.buildMonitor(name, registry, tags),
                MessageCountingMonitor.buildMonitor(name, registry, tags)));
    }
}
