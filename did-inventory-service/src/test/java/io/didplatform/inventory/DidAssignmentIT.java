package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.clients.DidBlockRequested;
import io.didplatform.contracts.clients.DidRoutingChangeRequested;
import io.didplatform.contracts.clients.DidUnblockRequested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Inventory's half of the assignment saga, driven by client-service's events on the real broker. */
class DidAssignmentIT extends ClientLifecycleITBase {
    private static final String ASSIGNED = "did.DidAssigned.v1";
    private static final String REJECTED = "did.DidAssignmentRejected.v1";

    @Test
    void assignsAnInStockDidWhoseTagIsAllowedAndAnswersOnTheTopic() {
        String number = dids.stock("nyc", "IN_STOCK", "IN_STOCK");
        UUID request = UUID.randomUUID();
        String requestEventId = events.publish(new DidAssignmentRequested("client-a", request, number, "cp-a",
                "sip:a@pbx.example", List.of("nyc", "la"))).id();

        JsonNode assigned = awaitOne(ASSIGNED, number);
        assertThat(assigned.at("/data/requestId").asText()).isEqualTo(request.toString());
        assertThat(assigned.at("/data/clientId").asText()).isEqualTo("client-a");
        assertThat(assigned.path("actor").asText()).isEqualTo("stand-in");
        assertThat(assigned.path("causationid").asText()).isEqualTo(requestEventId);

        dids.awaitStatus(number, "ACTIVE");
        assertThat(dids.did(number)).containsEntry("clientId", "client-a").containsEntry("clientPackageId", "cp-a")
                .containsEntry("destination", "sip:a@pbx.example");
        assertThat(dids.routing(number)).containsEntry("routable", true).containsEntry("destination", "sip:a@pbx.example");
    }

    @Test
    void refusesWithTheReason() {
        String reserved = dids.stock("nyc", "RESERVED", "IN_STOCK");
        String otherTag = dids.stock("la", "IN_STOCK", "IN_STOCK");
        String unknown = ClientDids.newNumber();
        for (String number : List.of(reserved, otherTag, unknown)) {
            events.publish(new DidAssignmentRequested("client-a", UUID.randomUUID(), number, "cp-a", "tel:+1555",
                    List.of("nyc")));
        }
        assertThat(awaitOne(REJECTED, reserved).at("/data/reason").asText()).isEqualTo("NOT_IN_STOCK");
        assertThat(awaitOne(REJECTED, otherTag).at("/data/reason").asText()).isEqualTo("TAG_NOT_ALLOWED");
        assertThat(awaitOne(REJECTED, unknown).at("/data/reason").asText()).isEqualTo("UNKNOWN_NUMBER");

        assertThat(api.get("/api/dids/" + unknown).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/routing/" + unknown).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(dids.did(otherTag)).containsEntry("status", "IN_STOCK");
        // the refused number can still be created: the refusal started no DID
        assertThat(dids.stock(null, "IN_STOCK", "IN_STOCK")).isNotNull();
    }

    @Test
    void ofTwentyClientsRacingForOneNumberExactlyOneGetsIt() throws Exception {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        ExecutorService racers = Executors.newFixedThreadPool(20);
        List<Future<?>> sent = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> sent.add(racers.submit(() -> events.publish(
                new DidAssignmentRequested("racer-" + i, UUID.randomUUID(), number, "cp-" + i, "tel:" + i, List.of())))));
        for (Future<?> send : sent) {
            send.get();
        }
        racers.shutdown();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                published.seen(ASSIGNED, number).size() + published.seen(REJECTED, number).size() == 20);
        assertThat(published.seen(ASSIGNED, number)).hasSize(1);
        assertThat(published.seen(REJECTED, number)).allSatisfy(e ->
                assertThat(e.at("/data/reason").asText()).isEqualTo("NOT_IN_STOCK"));
        String winner = published.seen(ASSIGNED, number).get(0).at("/data/clientId").asText();
        dids.awaitStatus(number, "ACTIVE");
        assertThat(dids.did(number)).containsEntry("clientId", winner);
    }

    @Test
    void theOwnerBlocksUnblocksAndReroutesAndNobodyElseCan() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        dids.take(number, "client-b", "cp-b", "sip:old@pbx");

        events.publish(new DidBlockRequested("intruder", number));
        events.publish(new DidBlockRequested("client-b", number));
        dids.awaitStatus(number, "BLOCKED");
        assertThat(dids.routing(number)).containsEntry("routable", false).doesNotContainKey("destination");

        events.publish(new DidRoutingChangeRequested("client-b", number, "sip:new@pbx"));
        events.publish(new DidUnblockRequested("client-b", number));
        dids.awaitStatus(number, "ACTIVE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(dids.routing(number)).containsEntry("routable", true).containsEntry("destination", "sip:new@pbx"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(published.seen("did.DidBlocked.v1", number)).hasSize(1);
            assertThat(published.seen("did.DidRoutingChanged.v1", number)).hasSize(1);
            assertThat(published.seen("did.DidUnblocked.v1", number)).hasSize(1);
        });
    }

    @Test
    void anUnknownNumberIsNotFoundAnInvalidOneIsABadRequestAndOnlyGetIsAnswered() {
        assertThat(api.get("/api/routing/" + ClientDids.newNumber()).getBody().get("code")).isEqualTo("DID_NOT_FOUND");
        assertThat(api.get("/api/routing/12ab").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var post = api.call(HttpMethod.POST, "/api/routing/" + ClientDids.newNumber(), Map.of());
        assertThat(post.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(post.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(post.getBody().get("code")).isEqualTo("METHOD_NOT_ALLOWED");
    }
}
