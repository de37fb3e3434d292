package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.contracts.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Base of the tests that drive a DID's life with the other services' events on the real broker: each test stocks
 * its DIDs ({@link ClientDids}), publishes as package-service and client-service would, and watches what inventory
 * publishes from its start.
 */
abstract class ClientLifecycleITBase extends InventoryITBase {
    PlatformEvents events;
    TopicWatcher published;
    ClientDids dids;

    @BeforeEach
    void connectToTheBroker() {
        events = new PlatformEvents(json);
        published = new TopicWatcher(Topics.DID_INVENTORY, json);
        dids = new ClientDids(api, events);
    }

    @AfterEach
    void disconnectFromTheBroker() throws InterruptedException {
        published.close();
        events.close();
    }

    /** The first event of this type about this number that inventory published, once it did. */
    JsonNode awaitOne(String type, String number) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !published.seen(type, number).isEmpty());
        return published.seen(type, number).get(0);
    }
}
