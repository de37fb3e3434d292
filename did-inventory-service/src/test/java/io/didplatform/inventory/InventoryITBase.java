package io.didplatform.inventory;

import io.didplatform.contracts.Topics;
import io.didplatform.testing.ServiceITBase;
import io.didplatform.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/**
 * Base of every integration test of this service: one Spring context, shared by all of them, over real
 * PostgreSQL and a real Kafka broker. The service's consumer group is its own and starts at the topics'
 * current ends, so what other runs left on the shared broker is not replayed into the fresh database (and two
 * test runs never share partitions). Holds are short here, and holds that ended are looked for often; a record
 * that keeps failing is dead-lettered after a second or two.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "did.hold.period=PT10S", "did.hold.expiry.poll-interval=PT0.5S", "did.hold.cascade.sweep-interval=PT2S",
        "did.reservation.expiry.poll-interval=PT0.5S",
        "did.dead-letters.first-retry-after=PT0.2S", "did.dead-letters.batch-attempts=2"})
public abstract class InventoryITBase extends ServiceITBase {
    Api api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "did_inventory_it", "did-inventory-service-it-",
                List.of(Topics.PACKAGE, Topics.CLIENT));
    }

    @BeforeEach
    void connectTheApi() {
        api = new Api(http);
    }
}
