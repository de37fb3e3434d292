package io.didplatform.inventory;

import io.didplatform.contracts.clients.DidBlockRequested;
import io.didplatform.testing.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second instance of the service, on the same database and broker: it answers routing lookups as the first does,
 * each decides a DID's commands on what the other last did to it, and scheduled work that must not run twice at
 * once takes its lock in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT extends InventoryITBase {
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Autowired
    Environment environment;
    SecondInstance second;
    Api secondApi;
    PlatformEvents events;
    ClientDids dids;

    @BeforeAll
    void startASecondInstance() {
        second = SecondInstance.start(InventoryApplication.class, environment, "did.jobs.instance-id=second-instance");
        secondApi = new Api(second.http());
    }

    @BeforeEach
    void stockThroughTheFirst() {
        events = new PlatformEvents(json);
        dids = new ClientDids(api, events);
    }

    @AfterEach
    void closeEvents() throws InterruptedException {
        events.close();
    }

    @AfterAll
    void stopTheSecondInstance() {
        second.close();
    }

    @Test
    void everyChangeMadeThroughOneInstanceReachesTheOthersRoutingTable() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        awaitRoute(number, Map.of("status", "IN_STOCK", "routable", false));

        dids.take(number, "client-a", "cp-a", "sip:a@pbx.example");
        awaitRoute(number, Map.of("status", "ACTIVE", "routable", true, "destination", "sip:a@pbx.example"));

        events.publish(new DidBlockRequested("client-a", number));
        dids.awaitStatus(number, "BLOCKED");
        awaitRoute(number, Map.of("status", "BLOCKED", "routable", false));
    }

    @Test
    void aDidCreatedThroughTheSecondInstanceIsRoutableOnTheFirstAndGoneFromBothWhenDeleted() {
        String number = ClientDids.newNumber();
        String operator = secondApi.createOperator("Carrier of the second instance");
        assertThat(secondApi.call(HttpMethod.POST, "/api/dids", Map.of("number", number, "operatorId", operator))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(WITHIN).until(() -> api.get("/api/routing/" + number).getStatusCode() == HttpStatus.OK);

        assertThat(api.call(HttpMethod.DELETE, "/api/dids/" + number, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(WITHIN).until(() -> secondApi.get("/api/routing/" + number).getStatusCode() == HttpStatus.NOT_FOUND);
    }

    @Test
    void anInstanceChangesADidTheOtherChangedSinceItLastDid() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        assertThat(status(api.call(HttpMethod.PATCH, "/api/dids/" + number, Map.of("status", "RESERVED"))))
                .isEqualTo("RESERVED");
        assertThat(status(secondApi.call(HttpMethod.PATCH, "/api/dids/" + number, Map.of("status", "IN_STOCK"))))
                .isEqualTo("IN_STOCK");

        // the first last saw it RESERVED: had it decided on that, it would have found nothing to change
        api.call(HttpMethod.PATCH, "/api/dids/" + number, Map.of("status", "RESERVED"));

        assertThat(status(secondApi.get("/api/dids/" + number))).isEqualTo("RESERVED");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, number)).isEqualTo(4);
    }

    @Test
    void anInstanceRefusesADidTheOtherDeleted() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        assertThat(api.call(HttpMethod.PATCH, "/api/dids/" + number, Map.of("tag", "first")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(secondApi.call(HttpMethod.DELETE, "/api/dids/" + number, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(api.call(HttpMethod.PATCH, "/api/dids/" + number, Map.of("tag", "again")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Object status(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().get("status");
    }

    private void awaitRoute(String number, Map<String, Object> expected) {
        await().atMost(WITHIN).untilAsserted(() -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> route = secondApi.get("/api/routing/" + number).getBody();
            assertThat(route).containsAllEntriesOf(expected);
        });
    }

    @Test
    void holdExpiryRunsUnderALockOneInstanceHoldsAtATime() {
        await().atMost(WITHIN).until(() -> jdbc.queryForList("select locked_by from shedlock where name = 'hold-expiry'",
                String.class).size() == 1);
    }
}
