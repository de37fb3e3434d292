package io.didplatform.clients;

import io.didplatform.contracts.Topics;
import io.didplatform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/**
 * Base of every integration test of this service: one Spring context, shared by all of them, over real
 * PostgreSQL and a real Kafka broker. The service's consumer group starts at the topics' current ends, so
 * what other runs left on the shared broker is not replayed into the fresh database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"did.clients.assignment-wait=PT10S", "did.clients.snapshot-every=5"})
public abstract class ClientIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "did_client_it");
        String group = TestInfrastructure.consumerGroupAtTopicEnds("client-service-it-",
                List.of(Topics.PACKAGE, Topics.DID_INVENTORY));
        registry.add("spring.kafka.consumer.group-id", () -> group);
    }
}
