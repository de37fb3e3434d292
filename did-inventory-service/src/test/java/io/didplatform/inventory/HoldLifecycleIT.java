package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.contracts.Topics;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.clients.DidBlockRequested;
import io.didplatform.contracts.clients.DidReturnRequested;
import io.didplatform.contracts.packages.ClientPackageTerminated;
import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hold lifecycle driven by package-service's and client-service's events on the real broker: holds when a
 * client package is deactivated, restores when it is active again, releases when the hold (short in these tests) ends.
 */
class HoldLifecycleIT extends InventoryITBase {
    PlatformEvents events;
    TopicWatcher published;
    ClientDids dids;
    String client;
    String clientPackage;
    @Value("${spring.kafka.consumer.group-id}")
    String consumerGroup;
    @Value("${spring.datasource.url}")
    String datasourceUrl;
    @Value("${spring.datasource.username}")
    String datasourceUser;
    @Value("${spring.datasource.password:}")
    String datasourcePassword;
    @Value("${did.hold.cascade.sweep-interval}")
    Duration sweepInterval;

    @BeforeEach
    void setUp() {
        events = new PlatformEvents(json);
        published = new TopicWatcher(Topics.DID_INVENTORY, json);
        dids = new ClientDids(api, events);
        client = UUID.randomUUID().toString();
        clientPackage = UUID.randomUUID().toString();
        events.publish(activated());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        published.close();
        events.close();
    }

    /** What reached the topic of this type about this number, once at least one did (the outbox lags a little). */
    private List<JsonNode> awaitPublished(String type, String number) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !published.seen(type, number).isEmpty());
        return published.seen(type, number);
    }

    /** When the DID's hold ends, as recorded (durably) for the poller that ends holds. */
    private List<Instant> holdDeadlines(String number) {
        return jdbc.queryForList("select hold_until from did_holding where number = ? and hold_until is not null",
                java.sql.Timestamp.class, number).stream().map(java.sql.Timestamp::toInstant).toList();
    }

    private PackageActivated activated() {
        return new PackageActivated(clientPackage, client, "pkg-1", 10, List.of());
    }

    private PackageDeactivated deactivated() {
        return new PackageDeactivated(clientPackage, client, "pkg-1", DeactivationReason.MANUAL);
    }

    @Test
    void holdsTheDidsOfADeactivatedPackageAndRestoresThemWhenItIsActiveAgain() {
        String first = dids.stock(null, "IN_STOCK", "IN_STOCK");
        String second = dids.stock(null, "IN_STOCK", "IN_STOCK");
        dids.take(first, client, clientPackage, "sip:first@pbx");
        dids.take(second, client, clientPackage, "sip:second@pbx");
        events.publish(new DidBlockRequested(client, second));
        dids.awaitStatus(second, "BLOCKED");

        events.publish(deactivated());
        dids.awaitStatus(first, "HOLD");
        dids.awaitStatus(second, "HOLD");
        assertThat(dids.routing(first)).containsEntry("routable", false).doesNotContainKey("destination");
        Instant holdUntil = Instant.parse((String) dids.did(first).get("holdUntil"));
        assertThat(holdUntil).isAfter(Instant.now().minusSeconds(5));
        // the hold's end is recorded durably, due at holdUntil, so it outlives a restart
        assertThat(holdDeadlines(first)).containsExactly(holdUntil);
        assertThat(awaitPublished("did.DidHeld.v1", first)).singleElement().satisfies(held -> {
            assertThat(held.at("/data/reason").asText()).isEqualTo("PACKAGE_INACTIVE");
            assertThat(held.at("/data/previousStatus").asText()).isEqualTo("ACTIVE");
        });

        events.publish(activated());
        dids.awaitStatus(first, "ACTIVE");
        dids.awaitStatus(second, "BLOCKED");
        assertThat(dids.routing(first)).containsEntry("routable", true).containsEntry("destination", "sip:first@pbx");
        assertThat(dids.did(first)).containsEntry("clientId", client).containsEntry("holdUntil", null);
        assertThat(holdDeadlines(first)).isEmpty();

        // restored before the hold ended: its end was cleared, so it stays ACTIVE past the old holdUntil
        await().pollDelay(Duration.ofMillis(Math.max(0, Duration.between(Instant.now(), holdUntil).toMillis() + 2000))).atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(dids.did(first)).containsEntry("status", "ACTIVE").containsEntry("clientId", client));
        assertThat(awaitPublished("did.DidRestored.v1", first)).hasSize(1);
        assertThat(published.seen("did.DidReleased.v1", first)).isEmpty();
    }

    @Test
    void aDeliveredAgainDeactivationChangesNothing() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        dids.take(number, client, clientPackage, "sip:once@pbx");
        PlatformEvents.Sent deactivation = events.publish(deactivated());
        dids.awaitStatus(number, "HOLD");
        events.publish(activated());
        dids.awaitStatus(number, "ACTIVE");

        RecordMetadata again = events.redeliver(deactivation);
        await().atMost(Duration.ofSeconds(60)).until(() -> handled(again));
        assertThat(storedEvents("DidHeld", number)).isEqualTo(1);
        assertThat(dids.did(number)).containsEntry("status", "ACTIVE");
        assertThat(awaitPublished("did.DidHeld.v1", number)).hasSize(1);
    }

    /** Whether this service's listener is done with the record: its consumer group committed past it. */
    private boolean handled(RecordMetadata record) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(consumerGroup).partitionsToOffsetAndMetadata()
                    .get().get(new TopicPartition(record.topic(), record.partition()));
            return committed != null && committed.offset() > record.offset();
        }
    }

    private int storedEvents(String type, String number) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like ?", Integer.class, number, "%." + type);
    }

    /**
     * The instance carrying a cascade dies: stood in for by a connection holding the package's cascade lock, as a
     * cascading instance does, that closes as a killed process's does. The listener and the sweep leave the cascade
     * alone while it is held (routing answers the package's DIDs unroutable meanwhile); once the connection is gone
     * the next sweep carries it.
     */
    @Test
    void aCascadeWhoseInstanceDiedIsTakenOverAtTheNextSweep() throws Exception {
        List<String> numbers = Stream.generate(() -> dids.stock(null, "IN_STOCK", "IN_STOCK")).limit(3).toList();
        numbers.forEach(number -> dids.take(number, client, clientPackage, "sip:" + number + "@pbx"));
        long died;
        try (Connection cascadingInstance = DriverManager.getConnection(datasourceUrl, datasourceUser, datasourcePassword)) {
            cascadingInstance.createStatement().execute(
                    "select pg_advisory_lock(hashtext('hold-cascade'), hashtext('" + clientPackage + "'))");
            events.publish(deactivated());
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                    select count(*) from client_package_state where client_package_id = ? and cascaded_version < version""",
                    Integer.class, clientPackage) == 1);
            numbers.forEach(number -> assertThat(storedEvents("DidHeld", number)).as(number).isZero());
            // routing answers them unroutable already, ahead of their holds
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> numbers.forEach(number ->
                    assertThat(dids.routing(number)).as(number).containsEntry("routable", false)
                            .containsEntry("status", "HOLD").doesNotContainKey("destination")));
            numbers.forEach(number -> assertThat(dids.did(number)).as(number).containsEntry("status", "ACTIVE"));
            died = System.nanoTime();
        }
        // the holds themselves, not the read model: a hold as short as these tests' may end before it shows there
        await().atMost(Duration.ofSeconds(60)).until(() -> numbers.stream().allMatch(number -> storedEvents("DidHeld", number) == 1));
        double takeOver = (System.nanoTime() - died) / 1e9;
        System.out.printf("Cascade taken over: its DIDs held %.2f s after its instance's connection closed (sweep every %s)%n",
                takeOver, sweepInterval);
        assertThat(takeOver).isLessThan(30);
    }

    @Test
    void aDidAssignedWhileItsPackageIsInactiveIsHeldAtOnce() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        events.publish(deactivated());
        // the request crossed the deactivation: client-service still saw the package active
        events.publish(new DidAssignmentRequested(client, UUID.randomUUID(), number, clientPackage, "sip:late@pbx", List.of()));
        dids.awaitStatus(number, "HOLD");
        assertThat(awaitPublished("did.DidAssigned.v1", number)).hasSize(1);

        events.publish(activated());
        dids.awaitStatus(number, "ACTIVE");
        assertThat(dids.routing(number)).containsEntry("destination", "sip:late@pbx");
    }

    @Test
    void aReturnedDidIsHeldAndReleasedToItsAfterHoldStatusWhenTheHoldEnds() {
        String number = dids.stock(null, "IN_STOCK", "ARCHIVE");
        dids.take(number, client, clientPackage, "sip:back@pbx");

        events.publish(new DidReturnRequested(client, number, clientPackage));
        dids.awaitStatus(number, "HOLD");
        assertThat(awaitPublished("did.DidHeld.v1", number)).singleElement()
                .satisfies(held -> assertThat(held.at("/data/reason").asText()).isEqualTo("RELEASED"));
        events.publish(deactivated());
        events.publish(activated()); // a given-back DID is never restored

        dids.awaitStatus(number, "ARCHIVE");
        assertThat(dids.did(number)).containsEntry("clientId", null).containsEntry("clientPackageId", null)
                .containsEntry("destination", null).containsEntry("holdUntil", null);
        assertThat(dids.routing(number)).containsEntry("routable", false);
        assertThat(awaitPublished("did.DidReleased.v1", number)).hasSize(1);
        assertThat(published.seen("did.DidRestored.v1", number)).isEmpty();
    }

    @Test
    void aTerminatedPackagesDidsAreHeldAndReleased() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        dids.take(number, client, clientPackage, "sip:gone@pbx");
        events.publish(new ClientPackageTerminated(clientPackage, client, "pkg-1"));
        dids.awaitStatus(number, "HOLD");
        assertThat(awaitPublished("did.DidHeld.v1", number)).singleElement()
                .satisfies(held -> assertThat(held.at("/data/reason").asText()).isEqualTo("RELEASED"));
        dids.awaitStatus(number, "IN_STOCK");
        assertThat(dids.did(number)).containsEntry("clientId", null);
    }
}
