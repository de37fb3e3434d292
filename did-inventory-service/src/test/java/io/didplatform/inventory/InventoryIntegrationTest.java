package io.didplatform.inventory;

import io.didplatform.contracts.Topics;
import io.didplatform.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Base of every integration test of this service: one Spring context, shared by all of them, over real
 * PostgreSQL and a real Kafka broker. The service's consumer group is its own and starts at the topics'
 * current ends, so what other runs left on the shared broker is not replayed into the fresh database (and two
 * test runs never share partitions). Holds are short here, and due deadlines are looked for often.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "did.hold.period=PT10S", "db-scheduler.polling-interval=PT0.5S", "did.hold.cascade.sweep-interval=PT2S"})
public abstract class InventoryIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        TestInfrastructure.register(registry, "did_inventory_it");
        String group = "did-inventory-service-it-" + UUID.randomUUID();
        startAtTheEnd(group, List.of(Topics.PACKAGE, Topics.CLIENT));
        registry.add("spring.kafka.consumer.group-id", () -> group);
    }

    private static void startAtTheEnd(String group, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            var existing = admin.listTopics().names().get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (var description : admin.describeTopics(topics.stream().filter(existing::contains).toList())
                    .allTopicNames().get().values()) {
                description.partitions().forEach(partition ->
                        ends.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
            }
            if (ends.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listOffsets(ends).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
        }
    }
}
