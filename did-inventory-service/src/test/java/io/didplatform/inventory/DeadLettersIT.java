package io.didplatform.inventory;

import io.didplatform.contracts.Topics;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.inventory.command.did.CreateDid;
import io.didplatform.testing.DeadLetterEndpoint;
import io.didplatform.testing.PoisonRecords;
import io.didplatform.testing.PoisonRecords.Written;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.didplatform.testing.DeadLetterEndpoint.ofEvent;
import static io.didplatform.testing.DeadLetterEndpoint.ofRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison isolation: what a consumer cannot process waits in its dead letters, listed at
 * {@code /api/admin/inventory/dead-letters}, while the events behind it flow; retried once fixed, or discarded.
 */
class DeadLettersIT extends InventoryITBase {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Value("${spring.kafka.consumer.group-id}")
    String consumerGroup;
    @Autowired
    CommandGateway commands;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EventStore eventStore;

    PlatformEvents events;
    PoisonRecords poison;
    ClientDids dids;
    DeadLetterEndpoint deadLetters;
    TopicWatcher published;
    String operator;

    @BeforeEach
    void setUp() {
        events = new PlatformEvents(json);
        poison = new PoisonRecords();
        dids = new ClientDids(api, events);
        deadLetters = new DeadLetterEndpoint(api, "inventory");
        published = new TopicWatcher(Topics.DID_INVENTORY, json);
        operator = api.createOperator("Carrier " + UUID.randomUUID());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        published.close();
        poison.close();
        events.close();
    }

    @Test
    void recordsThatAreNoEventsOrOfAnUnknownTypeAreDeadLetteredAndTheEventsBehindThemAreProcessed() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        String client = UUID.randomUUID().toString();
        String clientPackage = UUID.randomUUID().toString();
        events.publish(new PackageActivated(clientPackage, client, "pkg-1", 10, List.of()));

        Written clientGarbage = poison.notACloudEvent(Topics.CLIENT, client);
        Written clientUnknown = poison.unknownType(Topics.CLIENT, client);
        dids.take(number, client, clientPackage, "sip:a@pbx.example");

        Written packageGarbage = poison.notACloudEvent(Topics.PACKAGE, clientPackage);
        Written packageUnknown = poison.unknownType(Topics.PACKAGE, clientPackage);
        events.publish(new PackageDeactivated(clientPackage, client, "pkg-1", DeactivationReason.MANUAL));
        dids.awaitStatus(number, "HOLD");

        for (Written garbage : List.of(clientGarbage, packageGarbage)) {
            assertThat(deadLetters.matching(ofRecord(garbage))).singleElement().satisfies(letter -> {
                assertThat(letter).containsEntry("kind", "kafka")
                        .containsEntry("consumer", garbage.topic() + "." + consumerGroup);
                assertThat((String) letter.get("error")).contains("not a readable CloudEvent");
            });
        }
        for (Written unknown : List.of(clientUnknown, packageUnknown)) {
            assertThat(deadLetters.matching(ofEvent(unknown.eventId()))).singleElement().satisfies(letter -> {
                assertThat(letter).containsEntry("consumer", unknown.topic() + "." + consumerGroup)
                        .containsEntry("type", PoisonRecords.UNKNOWN_TYPE)
                        .containsEntry("errorType", "io.didplatform.support.kafka.InvalidEventException");
                assertThat((String) letter.get("error")).contains("unknown event type " + PoisonRecords.UNKNOWN_TYPE);
            });
        }

        ConsumerRecord<String, byte[]> copy = PoisonRecords.awaitDeadLettered(
                Topics.CLIENT + "." + consumerGroup + ".dlt", clientGarbage.value()).get(0);
        assertThat(copy.key()).isEqualTo(client);
        assertThat(ByteBuffer.wrap(copy.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong())
                .isEqualTo(clientGarbage.offset());
        assertThat(new String(copy.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(), StandardCharsets.UTF_8))
                .contains("not a readable CloudEvent");
        assertThat(waiting("kafka", Topics.CLIENT + "." + consumerGroup)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anEventItsListenerKeepsFailingOnIsDeadLetteredAfterItsRetriesAndProcessedWhenRetriedOnceFixed() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        PlatformEvents.Sent take = events.encode(new DidAssignmentRequested(UUID.randomUUID().toString(),
                UUID.randomUUID(), number, UUID.randomUUID().toString(), "sip:b@pbx.example", List.of()));
        String constraint = "refuses_" + take.id().replace("-", "");
        jdbc.execute("alter table processed_event add constraint " + constraint + " check (event_id <> '" + take.id() + "')");
        try {
            events.redeliver(take);
            Map<String, Object> letter = awaitOne(ofEvent(take.id()));
            assertThat(letter).containsEntry("consumer", Topics.CLIENT + "." + consumerGroup)
                    .containsEntry("type", "client.DidAssignmentRequested.v1");
            assertThat((String) letter.get("errorType")).contains("DataIntegrityViolation");
            assertThat(dids.did(number)).containsEntry("status", "IN_STOCK");

            var stillFailing = deadLetters.retry(letter.get("id"));
            assertThat(stillFailing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(stillFailing.getBody()).containsEntry("code", "DEAD_LETTER_STILL_FAILS");
            assertThat(deadLetters.matching(ofEvent(take.id()))).singleElement()
                    .satisfies(again -> assertThat(again).containsEntry("retries", 1));
        } finally {
            jdbc.execute("alter table processed_event drop constraint " + constraint);
        }

        String id = (String) deadLetters.matching(ofEvent(take.id())).get(0).get("id");
        assertThat(deadLetters.retry(id).getStatusCode()).isEqualTo(HttpStatus.OK);

        dids.awaitStatus(number, "ACTIVE");
        assertThat(deadLetters.matching(ofEvent(take.id()))).isEmpty();
        assertThat(deadLetters.retry(id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDidWhoseRowCannotBeStoredIsDeadLetteredWhileDidsCreatedAfterItAreSearchableAndRoutable() {
        String poisoned = ClientDids.newNumber();
        // PostgreSQL refuses U+0000 in text: the event is stored (as JSON, escaped), its read-model row cannot be
        commands.sendAndWait(new CreateDid(poisoned, operator, DidStatus.IN_STOCK, DidStatus.IN_STOCK, null, "a\u0000b"));
        String after = createBehindAPoisonedOne();

        assertThat(searchFinds(after)).isTrue();
        assertThat(dids.routing(after)).containsEntry("status", "IN_STOCK");
        Map<String, Object> letter = awaitOne(this::ofThePoisonedDid, poisoned);
        assertThat(letter).containsEntry("kind", "axon").containsEntry("type", "did.DidCreated.v1")
                .containsEntry("waiting", false);
        assertThat(api.get("/api/dids/" + poisoned).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // the routing table follows the event store, where the DID is, on a processor of its own: in stock, not routable
        assertThat(dids.routing(poisoned)).containsEntry("routable", false).containsEntry("status", "IN_STOCK");
        assertThat(waiting("axon", "did-view")).isGreaterThanOrEqualTo(1);

        assertThat(deadLetters.retry(letter.get("id")).getBody()).containsEntry("code", "DEAD_LETTER_STILL_FAILS");
        assertThat(deadLetters.discard(letter.get("id")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(deadLetters.matching(l -> letter.get("id").equals(l.get("id")))).isEmpty();
    }

    @Test
    void aDeadLetteredDidAndTheChangesWaitingBehindItAreAppliedInOrderWhenRetriedOnceFixed() {
        String marker = "refused-" + UUID.randomUUID();
        String constraint = "refuses_" + marker.replace("-", "_");
        jdbc.execute("alter table did_view add constraint " + constraint + " check (notes is distinct from '" + marker + "')");
        String refused = ClientDids.newNumber();
        try {
            api.call(HttpMethod.POST, "/api/dids", Map.of("number", refused, "operatorId", operator,
                    "status", "IN_STOCK", "notes", marker));
            Map<String, Object> created = awaitOne(this::ofThePoisonedDid, refused);
            api.call(HttpMethod.PATCH, "/api/dids/" + refused, Map.of("status", "RESERVED"));
            await().atMost(WAIT).until(() -> deadLetters.matching(l -> refused.equals(l.get("aggregate"))).size() == 2);
            assertThat(deadLetters.matching(l -> refused.equals(l.get("aggregate")) && !created.get("id").equals(l.get("id"))))
                    .singleElement().satisfies(update -> assertThat(update).containsEntry("type", "did.DidUpdated.v1")
                            .containsEntry("waiting", true).containsEntry("error", null));
            String after = createBehindAPoisonedOne();
            assertThat(searchFinds(after)).isTrue();
        } finally {
            jdbc.execute("alter table did_view drop constraint " + constraint);
        }

        String createdId = (String) deadLetters.matching(l -> refused.equals(l.get("aggregate"))
                && "did.DidCreated.v1".equals(l.get("type"))).get(0).get("id");
        assertThat(deadLetters.retry(createdId).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(dids.did(refused)).containsEntry("status", "RESERVED").containsEntry("notes", marker);
        assertThat(dids.routing(refused)).containsEntry("status", "RESERVED").containsEntry("routable", false);
        assertThat(deadLetters.matching(l -> refused.equals(l.get("aggregate")))).isEmpty();
    }

    @Test
    void anEventTheBrokerRefusesWaitsInTheOutboxDeadLettersWhileLaterEventsArePublished() {
        String tooLarge = ClientDids.newNumber();
        // no command records notes this long (DidFields): stored straight into the event store, as a bug might
        eventStore.publish(new GenericDomainEventMessage<>("DidAggregate", tooLarge, 0, new DidCreated(tooLarge,
                operator, DidStatus.IN_STOCK, DidStatus.IN_STOCK, null, "x".repeat(1_200_000))));
        String after = createBehindAPoisonedOne();

        await().atMost(WAIT).until(() -> !published.seen("did.DidCreated.v1", after).isEmpty());
        Map<String, Object> letter = awaitOne(l -> "kafka-outbox".equals(l.get("consumer"))
                && tooLarge.equals(l.get("aggregate")));
        assertThat(letter).containsEntry("type", "did.DidCreated.v1");
        assertThat((String) letter.get("error")).contains("RecordTooLargeException");
        assertThat(published.seen("did.DidCreated.v1", tooLarge)).isEmpty();
        assertThat(meters.get("did.dead.lettered").tags("kind", "axon", "consumer", "kafka-outbox").counter().count())
                .isGreaterThanOrEqualTo(1);

        assertThat(deadLetters.discard(letter.get("id")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aFailureThatPassesByItselfIsRetriedForAsLongAsItLastsAndDeadLettersNothing() {
        String number = ClientDids.newNumber();
        String stocked = dids.stock(null, "IN_STOCK", "IN_STOCK");
        PlatformEvents.Sent take = events.encode(new DidAssignmentRequested(UUID.randomUUID().toString(),
                UUID.randomUUID(), stocked, UUID.randomUUID().toString(), "sip:c@pbx.example", List.of()));
        // PostgreSQL's answer while it starts up (57P03), for this DID's read-model row and this event's mark only
        Outage viewRow = new Outage("did_view", "new.number = '" + number + "'");
        Outage eventMark = new Outage("processed_event", "new.event_id = '" + take.id() + "'");
        try {
            api.call(HttpMethod.POST, "/api/dids", Map.of("number", number, "operatorId", operator, "status", "IN_STOCK"));
            events.redeliver(take);
            // more attempts than a failure of the event's own gets before it is dead-lettered
            await().atMost(WAIT).until(() -> viewRow.attempts() > 2 && eventMark.attempts() > 4);
        } finally {
            viewRow.end();
            eventMark.end();
        }

        await().atMost(WAIT).until(() -> api.get("/api/routing/" + number).getStatusCode() == HttpStatus.OK);
        dids.awaitStatus(stocked, "ACTIVE");
        assertThat(deadLetters.matching(letter -> number.equals(letter.get("aggregate")))).isEmpty();
        assertThat(deadLetters.matching(ofEvent(take.id()))).isEmpty();
    }

    /** A table that answers as a server starting up would when a row matching {@code condition} is written. */
    private final class Outage {
        private final String name = "outage_" + UUID.randomUUID().toString().replace("-", "");
        private final String table;

        Outage(String table, String condition) {
            this.table = table;
            // a sequence counts the attempts: it is not rolled back with them
            jdbc.execute("create sequence " + name);
            jdbc.execute("create function " + name + "() returns trigger language plpgsql as $$ begin if " + condition
                    + " then perform nextval('" + name + "'); raise exception 'the database system is starting up'"
                    + " using errcode = '57P03'; end if; return new; end $$");
            jdbc.execute("create trigger " + name + " before insert on " + table + " for each row execute function "
                    + name + "()");
        }

        long attempts() {
            return jdbc.queryForObject("select case when is_called then last_value else 0 end from " + name, Long.class);
        }

        void end() {
            jdbc.execute("drop trigger " + name + " on " + table);
            jdbc.execute("drop function " + name + "()");
            jdbc.execute("drop sequence " + name);
        }
    }

    /**
     * A DID created while the processor works its way past a poisoned event (retrying its batch, then handling it
     * event by event), so it appears a few seconds later than usual: searchable and routable once it does.
     */
    private String createBehindAPoisonedOne() {
        String number = ClientDids.newNumber();
        assertThat(api.call(HttpMethod.POST, "/api/dids", Map.of("number", number, "operatorId", operator,
                "status", "IN_STOCK")).getStatusCode().is2xxSuccessful()).isTrue();
        // the routing table follows the event store on its own processor: the read model is what the poison holds up
        await().atMost(WAIT).until(() -> searchFinds(number)
                && api.get("/api/routing/" + number).getStatusCode() == HttpStatus.OK);
        return number;
    }

    private boolean ofThePoisonedDid(Map<String, Object> letter, String number) {
        return "did-view".equals(letter.get("consumer")) && number.equals(letter.get("aggregate"))
                && "did.DidCreated.v1".equals(letter.get("type"));
    }

    private Map<String, Object> awaitOne(java.util.function.BiPredicate<Map<String, Object>, String> matching, String number) {
        return awaitOne(letter -> matching.test(letter, number));
    }

    private Map<String, Object> awaitOne(java.util.function.Predicate<Map<String, Object>> matching) {
        await().atMost(WAIT).until(() -> !deadLetters.matching(matching).isEmpty());
        return deadLetters.matching(matching).get(0);
    }

    @SuppressWarnings("unchecked")
    private boolean searchFinds(String number) {
        List<Map<String, Object>> found = (List<Map<String, Object>>) api.get("/api/dids?number=" + number).getBody()
                .get("content");
        return found.stream().anyMatch(did -> number.equals(did.get("number")));
    }

    private double waiting(String kind, String consumer) {
        return meters.get("did.dead.letters").tags("kind", kind, "consumer", consumer).gauge().value();
    }
}
