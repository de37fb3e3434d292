package io.didplatform.support.axon;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventProcessorMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventProcessorMeters meters = new EventProcessorMeters("did-view", registry,
            message -> Tags.of("payloadType", message.getPayloadType().getSimpleName(), "processorName", "did-view"),
            message -> Tags.of("processorName", "did-view"));

    @Test
    void countsAndTimesEachOutcomePerPayloadTypeUnderAxonsNames() {
        meters.onMessageIngested(event("a", 1_000)).reportSuccess();
        meters.onMessageIngested(event("b", 2_000)).reportSuccess();
        meters.onMessageIngested(event(42, 3_000)).reportFailure(new IllegalStateException());
        meters.onMessageIngested(event(43, 4_000)).reportIgnored();

        assertThat(count("did-view.ingestedCounter", "String")).isEqualTo(2);
        assertThat(count("did-view.successCounter", "String")).isEqualTo(2);
        assertThat(count("did-view.processedCounter", "Integer")).isEqualTo(1);
        assertThat(count("did-view.failureCounter", "Integer")).isEqualTo(1);
        assertThat(count("did-view.ignoredCounter", "Integer")).isEqualTo(1);
        assertThat(registry.get("did-view.allTimer").tag("payloadType", "String").timer().count()).isEqualTo(2);
        assertThat(registry.get("did-view.allTimer").tag("payloadType", "Integer").timer().count()).isEqualTo(2);
        assertThat(registry.get("did-view.failureTimer").tag("payloadType", "Integer").timer().count()).isEqualTo(1);
    }

    @Test
    void latencyIsHowFarTheLastProcessedEventLagsBehindTheLastReceived() {
        meters.onMessageIngested(event("a", 1_000)).reportSuccess();
        MonitorCallback pending = meters.onMessageIngested(event("b", 6_000));

        assertThat(registry.get("did-view.latency").tag("processorName", "did-view").gauge().value()).isEqualTo(5_000);

        pending.reportSuccess();
        assertThat(registry.get("did-view.latency").gauge().value()).isZero();
    }

    private double count(String name, String payloadType) {
        return registry.get(name).tag("payloadType", payloadType).counter().count();
    }

    private static EventMessage<?> event(Object payload, long epochMillis) {
        return new GenericEventMessage<>(java.util.UUID.randomUUID().toString(), payload, MetaData.emptyInstance(),
                Instant.ofEpochMilli(epochMillis));
    }
}
