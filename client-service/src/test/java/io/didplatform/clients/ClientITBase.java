package io.didplatform.clients;

import io.didplatform.contracts.Topics;
import io.didplatform.testing.ServiceITBase;
import io.didplatform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Base of every integration test of this service: one Spring context, shared by all of them, over real
 * PostgreSQL and a real Kafka broker. The service's consumer group starts at the topics' current ends, so
 * what other runs left on the shared broker is not replayed into the fresh database. Each test gets the other
 * services' part played on the broker: package-service's and inventory's events, and a stand-in answering
 * this service's requests as inventory would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"did.clients.assignment-wait=PT10S", "did.clients.snapshot-every=5",
                "did.clients.assignment-timeout=PT20S", "db-scheduler.polling-interval=1s",
                "did.processors.heartbeat=PT1S"})
public abstract class ClientITBase extends ServiceITBase {
    PlatformEvents events;
    InventoryStandIn inventory;
    Api api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "did_client_it", "client-service-it-",
                List.of(Topics.PACKAGE, Topics.DID_INVENTORY));
    }

    @BeforeEach
    void startTheOtherServicesStandIns() {
        events = new PlatformEvents(json);
        inventory = new InventoryStandIn(json, events);
        api = new Api(http, jdbc, events);
    }

    @AfterEach
    void stopTheOtherServicesStandIns() throws InterruptedException {
        inventory.close();
        events.close();
    }

    /** A number no other test or run has used. */
    static String freshNumber() {
        return "1" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }
}
