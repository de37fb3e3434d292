package io.didplatform.audit;

import io.didplatform.contracts.Topics;
import io.didplatform.testing.ServiceITBase;
import io.didplatform.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Base of every integration test of this service: one Spring context, shared by all of them, over real
 * PostgreSQL and a real Kafka broker. The service reads its own copies of the platform topics
 * ({@link #INVENTORY_TOPIC} ...), so the events the tests publish never reach the other services. A record that
 * keeps failing is dead-lettered after a second or two.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // roots only when a test makes one: a scheduled root could land between a test's deletes and redelivery
        properties = {"did.dead-letters.first-retry-after=PT0.2S", "did.audit.chain.root-every=PT24H"})
public abstract class AuditITBase extends ServiceITBase {
    protected static final String INVENTORY_TOPIC = "audit-it." + Topics.DID_INVENTORY;
    protected static final String PACKAGE_TOPIC = "audit-it." + Topics.PACKAGE;
    protected static final String CLIENT_TOPIC = "audit-it." + Topics.CLIENT;
    private static final List<String> TOPICS = List.of(INVENTORY_TOPIC, PACKAGE_TOPIC, CLIENT_TOPIC);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "did_audit_it");
        createTopics();
        registry.add("did.audit.topics", () -> String.join(",", TOPICS));
    }

    private static void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(TOPICS.stream().map(name -> new NewTopic(name, 3, (short) 1))
                    .collect(Collectors.toList())).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create the test topics", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
