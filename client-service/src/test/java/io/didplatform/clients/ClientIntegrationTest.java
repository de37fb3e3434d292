package io.didplatform.clients;

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
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Base of every integration test of this service: one Spring context, shared by all of them, over real
 * PostgreSQL and a real Kafka broker. The service's consumer group starts at the topics' current ends, so
 * what other runs left on the shared broker is not replayed into the fresh database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"did.clients.assignment-wait=PT10S", "did.clients.snapshot-every=5"})
public abstract class ClientIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        TestInfrastructure.register(registry, "did_client_it");
        String group = "client-service-it-" + UUID.randomUUID();
        startAtTheEnd(group, List.of(Topics.PACKAGE, Topics.DID_INVENTORY));
        registry.add("spring.kafka.consumer.group-id", () -> group);
    }

    private static void startAtTheEnd(String group, List<String> topics) throws ExecutionException, InterruptedException {
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
