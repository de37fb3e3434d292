package io.didplatform.inventory;

import io.didplatform.contracts.clients.DidAssignmentRequested;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Test steps shared by the client-lifecycle ITs: stock numbers, take them for a client, read them back. */
final class ClientDids {
    private final Api api;
    private final PlatformEvents events;
    private final String operator;

    ClientDids(Api api, PlatformEvents events) {
        this.api = api;
        this.events = events;
        this.operator = api.createOperator("Carrier " + UUID.randomUUID());
    }

    static String newNumber() {
        return "19" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
    }

    /** A new number in the inventory, visible to searches and routing lookups. */
    String stock(String tag, String status, String afterHoldStatus) {
        String number = newNumber();
        Map<String, Object> body = new HashMap<>(Map.of("number", number, "operatorId", operator,
                "status", status, "afterHoldStatus", afterHoldStatus));
        if (tag != null) {
            body.put("tag", tag);
        }
        assertThat(api.call(HttpMethod.POST, "/api/dids", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/dids/" + number).getStatusCode() == HttpStatus.OK
                && api.get("/api/routing/" + number).getStatusCode() == HttpStatus.OK);
        return number;
    }

    /** Asks for the number as client-service would, and waits until the read model shows it ACTIVE. */
    void take(String number, String client, String clientPackage, String destination) {
        events.publish(new DidAssignmentRequested(client, UUID.randomUUID(), number, clientPackage, destination, List.of()));
        awaitStatus(number, "ACTIVE");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> did(String number) {
        return api.get("/api/dids/" + number).getBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> routing(String number) {
        return api.get("/api/routing/" + number).getBody();
    }

    void awaitStatus(String number, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(did(number)).containsEntry("status", status);
            assertThat(routing(number)).containsEntry("status", status);
        });
    }
}
