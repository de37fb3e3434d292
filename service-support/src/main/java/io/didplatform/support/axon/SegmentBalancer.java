package io.didplatform.support.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares each event processor's segments fairly among the service's live instances. Axon 4 without Axon Server
 * does not: the instance that starts first claims every segment and a later one idles. Every
 * {@code did.processors.heartbeat} this instance marks itself alive ({@link ServiceInstances}) and, for each
 * processor whose tokens are in the shared token store, releases the segments it holds beyond
 * ceil(segments / live instances). A released segment is not claimed back by this instance for a while (Axon's
 * release period, twice the token claim interval), so another instance's processor claims it; should none, this
 * instance takes it back. Processors with tokens of their own (the routing table's, in memory) are left alone.
 * <p>
 * Gauge {@code did.processor.segments.claimed{processor}}: the segments this instance processes now.
 */
public class SegmentBalancer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    /** Axon's: a released segment is not claimed back by its instance for twice the token claim interval (5 s). */
    private static final Duration RELEASE_PERIOD = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final ServiceInstances instances;
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final ProcessorSettings settings;
    private ScheduledExecutorService timer;
    /** Segments of shared processors that no instance claimed at a round, since when (processor/segment). */
    private final Map<String, Instant> unclaimedSince = new HashMap<>();

    SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, ServiceInstances instances,
                    MeterRegistry meters, ProcessorSettings settings) {
        this.processing = processing;
        this.instances = instances;
        this.jdbc = jdbc;
        this.meters = meters;
        this.settings = settings;
    }

    @Override
    public void start() {
        streamingProcessors().forEach((name, processor) -> Gauge
                .builder("did.processor.segments.claimed", processor, p -> p.processingStatus().size())
                .description("Segments of the processor this instance processes now")
                .tag("processor", name)
                .register(meters));
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::balanceQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        timer = null;
        try {
            instances.leave();
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance from service_instances; it goes stale by itself", e);
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Starts after Axon's processors (which start in an earlier phase) and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** One round: heartbeat, then each shared processor down to its fair share. */
    void balance() {
        int live = instances.heartbeat();
        streamingProcessors().forEach((name, processor) -> {
            int segments = sharedSegments(name);
            if (segments == 0 || !processor.isRunning()) {
                return;
            }
            List<Integer> claimed = processor.processingStatus().keySet().stream()
                    .sorted(Comparator.reverseOrder()).toList();
            int excess = FairShare.excess(claimed.size(), segments, live);
            for (int segment : claimed.subList(0, excess)) {
                log.info("Releasing segment {} of {} ({} of {} segments claimed here, {} live instances)",
                        segment, name, claimed.size(), segments, live);
                processor.releaseSegment(segment);
            }
            unblockSegmentsNobodyClaims(name, processor);
        });
    }

    /** See the class comment: a segment unclaimed for longer than Axon's release period may be claimed here again. */
    private void unblockSegmentsNobodyClaims(String name, StreamingEventProcessor processor) {
        Instant now = Instant.now();
        // claimed by nobody, or in this instance's name while it does not process it (a release that failed)
        List<Integer> unclaimed = jdbc.queryForList("select segment from token_entry where processor_name = ?"
                + " and (owner is null or owner = ?)", Integer.class, name, instances.self()).stream()
                .filter(segment -> !processor.processingStatus().containsKey(segment)).toList();
        unclaimedSince.keySet().removeIf(key -> key.startsWith(name + "/")
                && !unclaimed.contains(Integer.valueOf(key.substring(name.length() + 1))));
        for (int segment : unclaimed) {
            Instant since = unclaimedSince.computeIfAbsent(name + "/" + segment, key -> now);
            if (Duration.between(since, now).compareTo(RELEASE_PERIOD) > 0) {
                log.info("Segment {} of {} unclaimed since {}: may be claimed here again", segment, name, since);
                processor.releaseSegment(segment, 0, TimeUnit.MILLISECONDS);
                unclaimedSince.remove(name + "/" + segment);
            }
        }
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // the database away for a moment: the next round tries again; meanwhile claims stay as they are
            log.warn("Segment balancing skipped a round: {}", e.toString());
        }
    }

    /** Segments of the processor in the shared token store; none for a processor whose tokens are elsewhere. */
    private int sharedSegments(String processorName) {
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, processorName);
        return segments == null ? 0 : segments;
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> streaming = new java.util.TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }
}
