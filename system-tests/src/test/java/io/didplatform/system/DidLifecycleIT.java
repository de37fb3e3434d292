package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A DID's whole life across the four services, through the gateway: created, taken by a client under an
 * active package, held when the package is deactivated, restored when it is activated, given back, released
 * when the (shortened) hold ends, and every step in its audit history.
 */
class DidLifecycleIT extends SystemITBase {
    @Test
    void aDidIsAssignedHeldRestoredGivenBackAndReleasedWithItsWholeHistory() {
        String prefix = "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String first = prefix + "1";
        String second = prefix + "2";
        String third = prefix + "3";
        String operatorId = created(admin.post("/api/operators", Map.of("name", "Lifecycle " + prefix)));
        for (String number : List.of(first, second, third)) {
            created(admin.post("/api/dids", Map.of("number", number, "operatorId", operatorId, "tag", "nyc")));
        }
        String packageId = created(admin.post("/api/packages",
                Map.of("name", "NYC two " + prefix, "didLimit", 2, "tags", List.of("nyc"))));
        String clientId = created(admin.post("/api/clients", Map.of("name", "Acme " + prefix, "email", "noc@acme.test")));
        // package-service learns the client from client.events: eventually it may be given the package
        String clientPackageId = eventuallyCreated("/api/client-packages",
                Map.of("clientId", clientId, "packageId", packageId));

        String takes = "/api/clients/" + clientId + "/dids";
        take(takes, Map.of("number", first, "clientPackageId", clientPackageId, "destination", "sip:first@pbx.acme.test"));
        take(takes, Map.of("number", second, "clientPackageId", clientPackageId, "destination", "tel:+15551230000"));
        Api.Response third409 = admin.post(takes, Map.of("number", third, "clientPackageId", clientPackageId,
                "destination", "sip:third@pbx.acme.test"));
        assertThat(third409.status()).isEqualTo(409);
        assertThat(third409.text("code")).isEqualTo("LIMIT_REACHED");
        assertThat(admin.get("/api/dids/" + third).text("status")).isEqualTo("IN_STOCK");

        awaitRouting(first, true, "ACTIVE", "sip:first@pbx.acme.test");

        assertThat(admin.post("/api/client-packages/" + clientPackageId + "/deactivate", Map.of()).status()).isLessThan(300);
        awaitRouting(first, false, "HOLD");
        awaitRouting(second, false, "HOLD");

        assertThat(admin.post("/api/client-packages/" + clientPackageId + "/activate", Map.of()).status()).isLessThan(300);
        awaitRouting(first, true, "ACTIVE", "sip:first@pbx.acme.test");
        awaitRouting(second, true, "ACTIVE", "tel:+15551230000");

        assertThat(admin.delete(takes + "/" + first).status()).isLessThan(300);
        awaitRouting(first, false, "HOLD");
        // the hold period of this system is a few seconds: then the DID takes its after-hold status, no client
        await().atMost(RunningPlatform.HOLD_PERIOD.plus(EVENTUALLY)).untilAsserted(() -> {
            JsonNode did = admin.get("/api/dids/" + first).body();
            assertThat(did.path("status").asText()).isEqualTo("IN_STOCK");
            assertThat(did.path("clientId").isNull() || did.path("clientId").isMissingNode()).isTrue();
        });

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode history = auditor.get("/api/audit/dids/" + first + "/history").body().path("content");
            List<String> types = new ArrayList<>();
            history.forEach(entry -> types.add(entry.path("type").asText()));
            assertThat(types).containsSubsequence("did.DidCreated.v1", "did.DidAssigned.v1", "did.DidHeld.v1",
                    "did.DidRestored.v1", "did.DidHeld.v1", "did.DidReleased.v1");
            JsonNode firstHold = find(history, "did.DidHeld.v1");
            assertThat(firstHold.path("causedBy").path("type").asText()).isEqualTo("package.PackageDeactivated.v1");
            assertThat(firstHold.path("changes").path("status").path("to").asText()).isEqualTo("HOLD");
        });
    }

    @Test
    void suspendingAClientHoldsItsDidsActivatingItRestoresThemAndClosingItGivesThemBack() {
        String number = "1558" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "0";
        String operatorId = created(admin.post("/api/operators", Map.of("name", "Suspend " + number)));
        created(admin.post("/api/dids", Map.of("number", number, "operatorId", operatorId)));
        String packageId = created(admin.post("/api/packages", Map.of("name", "Suspend " + number, "didLimit", 1)));
        Map<String, String> client = Map.of("name", "Suspend " + number, "email", "noc@suspend.test");
        String clientId = created(admin.post("/api/clients", client));
        String clientPackageId = eventuallyCreated("/api/client-packages", Map.of("clientId", clientId, "packageId", packageId));
        String takes = "/api/clients/" + clientId + "/dids";
        take(takes, Map.of("number", number, "clientPackageId", clientPackageId, "destination", "sip:suspend@pbx.test"));
        awaitRouting(number, true, "ACTIVE");

        assertThat(admin.put("/api/clients/" + clientId, withStatus(client, "SUSPENDED")).status()).isEqualTo(200);
        awaitRouting(number, false, "HOLD");
        assertThat(admin.put("/api/clients/" + clientId, withStatus(client, "ACTIVE")).status()).isEqualTo(200);
        awaitRouting(number, true, "ACTIVE", "sip:suspend@pbx.test");

        assertThat(admin.put("/api/clients/" + clientId, withStatus(client, "CLOSED")).status()).isEqualTo(200);
        awaitRouting(number, false, "HOLD");
        // given back: gone from the client's DIDs at once, on hold in inventory until the hold period ends
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(admin.get("/api/client-packages/" + clientPackageId).text("status")).isEqualTo("TERMINATED");
            assertThat(admin.get(takes).body().path("content")).isEmpty();
            assertThat(admin.get("/api/dids/" + number).text("clientId")).isEqualTo(clientId);
        });
    }

    private static Map<String, String> withStatus(Map<String, String> client, String status) {
        Map<String, String> changed = new HashMap<>(client);
        changed.put("status", status);
        return changed;
    }

    @Test
    void aHoldThatEndsWhileInventoryIsDownEndsWhenItStartsAgain() {
        String number = "1557" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "0";
        String operatorId = created(admin.post("/api/operators", Map.of("name", "Restart " + number)));
        created(admin.post("/api/dids", Map.of("number", number, "operatorId", operatorId, "afterHoldStatus", "ARCHIVE")));
        String packageId = created(admin.post("/api/packages", Map.of("name", "Restart " + number, "didLimit", 1)));
        String clientId = created(admin.post("/api/clients", Map.of("name", "Restart " + number, "email", "noc@restart.test")));
        String clientPackageId = eventuallyCreated("/api/client-packages", Map.of("clientId", clientId, "packageId", packageId));
        String takes = "/api/clients/" + clientId + "/dids";
        take(takes, Map.of("number", number, "clientPackageId", clientPackageId, "destination", "sip:restart@pbx.test"));
        awaitRouting(number, true, "ACTIVE");

        assertThat(admin.delete(takes + "/" + number).status()).isLessThan(300);
        awaitRouting(number, false, "HOLD");
        // the routing table and the read model follow the event store each on its own: wait for the read model too
        JsonNode held = await().atMost(EVENTUALLY).until(() -> admin.get("/api/dids/" + number).body(),
                did -> did.path("holdUntil").isTextual());
        Instant holdUntil = Instant.parse(held.path("holdUntil").asText());

        RunningPlatform.get().killAndRestart("did-inventory-service", () ->
                await().atMost(RunningPlatform.HOLD_PERIOD.plusSeconds(5)).until(() -> Instant.now().isAfter(holdUntil)));
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode did = admin.get("/api/dids/" + number).body();
            assertThat(did.path("status").asText()).isEqualTo("ARCHIVE");
            assertThat(did.path("clientId").isNull() || did.path("clientId").isMissingNode()).isTrue();
        });
        awaitRouting(number, false, "ARCHIVE");
    }

    @Test
    void twentyClientsRacingForOneNumberLeaveItWithExactlyOne() throws Exception {
        String number = "1556" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "0";
        String operatorId = created(admin.post("/api/operators", Map.of("name", "Race " + number)));
        created(admin.post("/api/dids", Map.of("number", number, "operatorId", operatorId)));
        String packageId = created(admin.post("/api/packages", Map.of("name", "Race " + number, "didLimit", 1)));
        List<String> takes = new ArrayList<>();
        List<Map<String, String>> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String clientId = created(admin.post("/api/clients", Map.of("name", "Racer " + i + " " + number,
                    "email", "racer" + i + "@race.test")));
            String clientPackageId = eventuallyCreated("/api/client-packages",
                    Map.of("clientId", clientId, "packageId", packageId));
            takes.add("/api/clients/" + clientId + "/dids");
            bodies.add(Map.of("number", number, "clientPackageId", clientPackageId, "destination", "sip:" + i + "@race.test"));
        }
        // every client-service quota knows its active package before the race starts
        for (int i = 0; i < 20; i++) {
            String clientPackageId = bodies.get(i).get("clientPackageId");
            String clientId = takes.get(i).split("/")[3];
            await().atMost(EVENTUALLY).until(() -> admin.get("/api/clients/" + clientId).status() == 200
                    && admin.get("/api/client-packages/" + clientPackageId).text("status").equals("ACTIVE"));
        }

        ExecutorService racers = Executors.newFixedThreadPool(20);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int racer = i;
            answers.add(racers.submit(() -> settled(takes.get(racer), admin.post(takes.get(racer), bodies.get(racer)))));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get(2, TimeUnit.MINUTES);
            outcomes.add(response.status() == 201 ? "WON" : response.text("code"));
        }
        racers.shutdown();
        assertThat(outcomes).filteredOn("WON"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("NOT_IN_STOCK"::equals).hasSize(19);
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(admin.get("/api/dids/" + number).text("status")).isEqualTo("ACTIVE"));
    }

    /** A 202 is followed until inventory decided; the answer is then what a 201 or 409 would have said. */
    private static Api.Response settled(String takes, Api.Response response) {
        if (response.status() != 202) {
            return response;
        }
        String request = takes + "/requests/" + response.text("requestId");
        await().atMost(EVENTUALLY).until(() -> !"PENDING".equals(admin.get(request).text("status")));
        Api.Response decided = admin.get(request);
        return "CONFIRMED".equals(decided.text("status")) ? new Api.Response(201, decided.body(), decided.contentType())
                : new Api.Response(409, ((ObjectNode) decided.body().deepCopy()).put("code", decided.text("reason")), decided.contentType());
    }

    private static void awaitRouting(String number, boolean routable, String status) {
        awaitRouting(number, routable, status, null);
    }

    /**
     * Until as many answers in a row as there are inventory instances show it: the gateway takes turns between
     * them, and each instance's table follows the stream on its own, so one may show a change a moment before another.
     */
    private static void awaitRouting(String number, boolean routable, String status, String destination) {
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            for (int answers = 0; answers < RunningPlatform.instances(); answers++) {
                Api.Response answer = admin.get("/api/routing/" + number);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body().path("routable").asBoolean()).as("routable").isEqualTo(routable);
                assertThat(answer.text("status")).isEqualTo(status);
                if (destination != null) {
                    assertThat(answer.text("destination")).isEqualTo(destination);
                }
            }
        });
    }

    private static JsonNode find(JsonNode history, String type) {
        for (JsonNode entry : history) {
            if (type.equals(entry.path("type").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + history);
    }
}
