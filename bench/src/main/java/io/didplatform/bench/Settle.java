package io.didplatform.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Waits until the system has digested what an earlier figure left behind (an import's million events still on their
 * way to audit, say), so a latency figure is not measured behind that backlog, nor its rows counted in the next
 * storage floor: settled when no record was produced for {@code quiet-seconds} and every running consumer group
 * (one with members: the services') has consumed up to the end of each partition it reads.
 * <pre>
 * Settle kafka=HOST:PORT [quiet-seconds=5 patience-minutes=30]
 * </pre>
 */
public final class Settle {

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, "Settle");
        Duration quiet = Duration.ofSeconds(options.integer("quiet-seconds", 5));
        Duration patience = Duration.ofMinutes(options.integer("patience-minutes", 30));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.required("kafka")))) {
            long started = System.nanoTime();
            Map<TopicPartition, Long> lastEnds = Map.of();
            for (long lastPrinted = 0; ; Thread.sleep(quiet.toMillis())) {
                Map<TopicPartition, Long> committed = committedOffsets(admin);
                Map<TopicPartition, Long> ends = ends(admin, committed.keySet());
                long behind = committed.entrySet().stream()
                        .mapToLong(offset -> Math.max(0, ends.get(offset.getKey()) - offset.getValue())).sum();
                double seconds = (System.nanoTime() - started) / 1e9;
                if (behind == 0 && ends.equals(lastEnds)) {
                    System.out.printf("Settled after %.0f s%n", seconds);
                    return;
                }
                if (seconds > patience.toSeconds()) {
                    System.out.printf("Not settled after %s (%,d records behind); going on%n", patience, behind);
                    return;
                }
                if (seconds - lastPrinted >= 30) {
                    System.out.printf("  settling: %,d records not yet consumed (%.0f s)%n", behind, seconds);
                    lastPrinted = (long) seconds;
                }
                lastEnds = ends;
            }
        }
    }

    /** The lowest committed offset of each partition over the running groups reading it. */
    private static Map<TopicPartition, Long> committedOffsets(Admin admin) throws Exception {
        Set<String> running = admin.listConsumerGroups().all().get().stream()
                .filter(group -> group.state().filter(ConsumerGroupState.STABLE::equals).isPresent())
                .map(ConsumerGroupListing::groupId).collect(Collectors.toSet());
        Map<TopicPartition, Long> lowest = new HashMap<>();
        for (String group : running) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    lowest.merge(partition, offset.offset(), Math::min);
                }
            });
        }
        return lowest;
    }

    private static Map<TopicPartition, Long> ends(Admin admin, Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()))).all().get();
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }

    private Settle() {
    }
}
