package io.didplatform.inventory;

import io.didplatform.contracts.clients.DidAssignmentRequested;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A range's DidCreated events go out on the outbox's bulk lane: a take is published without waiting behind them,
 * yet never before the DID's own DidCreated.
 */
class OutboxLanesIT extends BulkJobITBase {
    private static final String CREATED = "did.DidCreated.v1";
    private static final String ASSIGNED = "did.DidAssigned.v1";
    private static final int RANGE = 50;

    @Autowired
    EventProcessingConfiguration processing;
    PlatformEvents events;

    @BeforeEach
    void connect() {
        events = new PlatformEvents(json);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aTakeOfAnImportedDidIsPublishedAfterItsCreationAndAheadOfTheRestOfTheImport() {
        List<String> numbers = IntStream.range(0, RANGE).mapToObj(i -> prefix + "%03d".formatted(i)).toList();
        String taken = numbers.get(7);
        EventProcessor bulkLane = processing.eventProcessor("kafka-outbox-bulk").orElseThrow();
        bulkLane.shutDown();
        try {
            ResponseEntity<Map> range = api.call(HttpMethod.POST, "/api/dids", Map.of("range",
                    numbers.get(0) + "-" + numbers.get(RANGE - 1), "operatorId", operator));
            assertThat(finished(range)).containsEntry("state", "COMPLETED");
            events.publish(new DidAssignmentRequested("client-lanes", UUID.randomUUID(), taken, "cp-lanes",
                    "sip:lanes@pbx.example", List.of()));

            // the bulk lane is stopped: the take went out anyway, the DID's creation just before it
            await().atMost(Duration.ofSeconds(60)).until(() -> published.typesAbout(taken).contains(ASSIGNED));
            assertThat(published.typesAbout(taken)).containsExactly(CREATED, ASSIGNED);
            assertThat(published.subjects(CREATED)).containsExactly(taken);
        } finally {
            bulkLane.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> published.subjects(CREATED).size() == RANGE);
        assertThat(published.typesAbout(taken)).as("its creation is not sent twice").containsExactly(CREATED, ASSIGNED);
        assertThat(jdbc.queryForObject("select count(*) from outbox_sent_ahead", Long.class)).isZero();
    }
}
