package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reservations that expire and holds ahead, through the gateway as a new user would try them: a DID reserved for
 * one client refuses another client's take with the reason in people's words and is back IN_STOCK by itself at
 * its end, with the reservation in its history; a deactivated client package's DIDs are listed among the holds
 * ahead with their end dates, also in the CSV export.
 */
class ReservationsIT extends SystemITBase {
    @Test
    void aReservationRefusesAnotherClientAndEndsByItselfWhileHoldsAheadListAPackagesDids() {
        String prefix = "1556" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String reserved = prefix + "1";
        String held = prefix + "2";
        String operatorId = created(admin.post("/api/operators", Map.of("name", "Reservations " + prefix)));
        for (String number : List.of(reserved, held)) {
            created(admin.post("/api/dids", Map.of("number", number, "operatorId", operatorId)));
        }
        String packageId = created(admin.post("/api/packages", Map.of("name", "Any " + prefix, "didLimit", 5, "tags", List.of())));
        String owner = created(admin.post("/api/clients", Map.of("name", "Owner " + prefix, "email", "noc@owner.test")));
        String other = created(admin.post("/api/clients", Map.of("name", "Other " + prefix, "email", "noc@other.test")));
        String ownerPackage = eventuallyCreated("/api/client-packages", Map.of("clientId", owner, "packageId", packageId));
        String otherPackage = eventuallyCreated("/api/client-packages", Map.of("clientId", other, "packageId", packageId));

        Instant until = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        Api.Response reservation = admin.post("/api/dids/" + reserved + "/reservation",
                Map.of("reservedFor", Map.of("clientId", owner, "deal", "Trial " + prefix), "reservedUntil", until.toString()));
        assertThat(reservation.status()).as(reservation.body().toString()).isEqualTo(200);
        assertThat(reservation.text("status")).isEqualTo("RESERVED");
        assertThat(admin.post("/api/dids/" + reserved + "/reservation", Map.of("reservedFor", Map.of("clientId", owner),
                "reservedUntil", Instant.now().minusSeconds(60).toString())).text("code")).isEqualTo("DID_RESERVED");

        JsonNode refusal = refusedTake("/api/clients/" + other + "/dids",
                Map.of("number", reserved, "clientPackageId", otherPackage, "destination", "sip:other@pbx.test"));
        assertThat(refusal.toString()).contains("RESERVED_FOR_ANOTHER_CLIENT");
        assertThat(admin.get("/api/dids/" + reserved).text("status")).isEqualTo("RESERVED");

        await().atMost(Duration.ofSeconds(15).plus(EVENTUALLY)).untilAsserted(() ->
                assertThat(admin.get("/api/dids/" + reserved).text("status")).isEqualTo("IN_STOCK"));
        assertThat(Instant.now()).isAfterOrEqualTo(until);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<String> types = new ArrayList<>();
            auditor.get("/api/audit/dids/" + reserved + "/history").body().path("content")
                    .forEach(entry -> types.add(entry.path("type").asText()));
            assertThat(types).containsSubsequence("did.DidCreated.v1", "did.DidReserved.v1",
                    "did.DidAssignmentRejected.v1", "did.DidReservationExpired.v1");
        });

        take("/api/clients/" + owner + "/dids",
                Map.of("number", held, "clientPackageId", ownerPackage, "destination", "sip:owner@pbx.test"));
        assertThat(admin.post("/api/client-packages/" + ownerPackage + "/deactivate", Map.of()).status()).isLessThan(300);
        // the system's holds last a few seconds: the DID is listed while it is on hold
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode group = groupOf(admin.get("/api/dids/holds?days=1").body(), ownerPackage);
            assertThat(group.path("clientId").asText()).isEqualTo(owner);
            assertThat(group.path("dids").get(0).path("number").asText()).isEqualTo(held);
            assertThat(group.path("dids").get(0).path("holdUntil").asText()).isNotBlank();
        });
    }

    private static JsonNode groupOf(JsonNode holdsAhead, String clientPackageId) {
        for (JsonNode group : holdsAhead.path("groups")) {
            if (clientPackageId.equals(group.path("clientPackageId").asText())) {
                return group;
            }
        }
        throw new AssertionError("no group for " + clientPackageId + " in " + holdsAhead);
    }

    /** A take inventory refuses: 409 at once, or 202 whose request ends refused; the answer or request, with its reason. */
    private static JsonNode refusedTake(String path, Map<String, ?> body) {
        List<JsonNode> answer = new ArrayList<>();
        await().atMost(EVENTUALLY).until(() -> {
            Api.Response response = admin.post(path, body);
            if (List.of("PACKAGE_INACTIVE", "UNKNOWN_CLIENT_PACKAGE").contains(response.text("code"))) {
                return false; // client-service has not heard of the client package yet
            }
            if (response.status() == 202) {
                String request = path + "/requests/" + response.text("requestId");
                await().atMost(EVENTUALLY).until(() -> !"PENDING".equals(admin.get(request).text("status")));
                answer.add(admin.get(request).body());
            } else {
                assertThat(response.status()).as(response.body().toString()).isEqualTo(409);
                answer.add(response.body());
            }
            return true;
        });
        return answer.get(0);
    }
}
