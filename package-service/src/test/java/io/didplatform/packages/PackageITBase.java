package io.didplatform.packages;

import io.didplatform.testing.ServiceITBase;
import io.didplatform.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Base of every integration test of this service that shares one Spring context, over real PostgreSQL and a
 * real Kafka broker. Deadlines are polled every second so start/end tests stay short.
 * <p>
 * The broker is shared with every other service's tests, and its topics hold their events too: this context
 * reads them in a consumer group of its own, from the end (what a test publishes comes after its listeners
 * were assigned their partitions), instead of working through everyone's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "db-scheduler.polling-interval=1s",
        "spring.kafka.consumer.group-id=package-service-it-${random.uuid}",
        "spring.kafka.consumer.auto-offset-reset=latest"})
public abstract class PackageITBase extends ServiceITBase {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "did_package_it");
    }

    @BeforeEach
    void listenersAreAssignedTheirPartitions() {
        await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainers().stream()
                .allMatch(container -> container.getAssignedPartitions() != null
                        && !container.getAssignedPartitions().isEmpty()));
    }
}
