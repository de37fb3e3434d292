package io.didplatform.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageDeactivated;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservations that expire and holds ahead, over the real broker and database: a reserved DID refuses another
 * client's take with the reason, returns IN_STOCK by itself at its end (the poller, fast here), and its own
 * client's take ends it; a deactivated package's DIDs are listed among the holds ahead, also as CSV.
 */
class ReservationsIT extends ClientLifecycleITBase {
    private ResponseEntity<Map> reserve(String number, String client, String deal, Instant until) {
        Map<String, Object> reservedFor = new java.util.HashMap<>();
        reservedFor.put("clientId", client);
        reservedFor.put("deal", deal);
        return api.call(HttpMethod.POST, "/api/dids/" + number + "/reservation",
                Map.of("reservedFor", reservedFor, "reservedUntil", until.toString()));
    }

    private UUID take(String number, String client) {
        UUID request = UUID.randomUUID();
        events.publish(new DidAssignmentRequested(client, request, number, "cp-" + client, "sip:a@pbx", List.of()));
        return request;
    }

    @Test
    void anotherClientsTakeIsRefusedAndTheReservationExpiresBackToStock() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        Instant until = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);

        ResponseEntity<Map> reserved = reserve(number, "client-a", "Acme trial", until);
        assertThat(reserved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reserved.getBody()).containsEntry("status", "RESERVED").containsEntry("clientId", "client-a")
                .containsEntry("deal", "Acme trial").containsEntry("reservedUntil", until.toString());
        assertThat(jdbc.queryForObject("select count(*) from did_reservation where number = ?", Long.class, number))
                .isEqualTo(1); // recorded durably for the poller, so the end outlives a restart

        UUID refused = take(number, "client-b");
        JsonNode rejection = awaitOne("did.DidAssignmentRejected.v1", number);
        assertThat(rejection.at("/data/requestId").asText()).isEqualTo(refused.toString());
        assertThat(rejection.at("/data/reason").asText()).isEqualTo("RESERVED_FOR_ANOTHER_CLIENT");
        assertThat(dids.did(number)).containsEntry("status", "RESERVED");

        dids.awaitStatus(number, "IN_STOCK");
        assertThat(Instant.now()).isAfterOrEqualTo(until);
        assertThat(awaitOne("did.DidReservationExpired.v1", number).at("/data/status").asText()).isEqualTo("IN_STOCK");
        assertThat(api.get("/api/dids/" + number + "/reservation").getBody()).containsEntry("reservedUntil", null);
        assertThat(jdbc.queryForObject("select count(*) from did_reservation where number = ?", Long.class, number))
                .isZero();
    }

    @Test
    void theReservationsClientTakesItAndTheReservationEnds() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        reserve(number, "client-a", null, Instant.now().plusSeconds(3600));

        take(number, "client-a");
        dids.awaitStatus(number, "ACTIVE");
        assertThat(dids.did(number)).containsEntry("clientId", "client-a");
        assertThat(awaitOne("did.DidReservationReleased.v1", number).at("/data/status").asText()).isEqualTo("IN_STOCK");
        assertThat(api.get("/api/dids/" + number + "/reservation").getBody()).containsEntry("reservedUntil", null);
    }

    @Test
    void extendsAndReleases() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        reserve(number, null, "Q3 deal", Instant.now().plusSeconds(3600));
        Instant later = Instant.now().plusSeconds(7200).truncatedTo(ChronoUnit.MILLIS);

        ResponseEntity<Map> extended = api.call(HttpMethod.POST, "/api/dids/" + number + "/reservation/extend",
                Map.of("reservedUntil", later.toString()));
        assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(extended.getBody()).containsEntry("reservedUntil", later.toString());

        ResponseEntity<Map> released = api.call(HttpMethod.DELETE, "/api/dids/" + number + "/reservation", null);
        assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(released.getBody()).containsEntry("status", "IN_STOCK").containsEntry("reservedUntil", null);
        dids.awaitStatus(number, "IN_STOCK");
    }

    @Test
    void refusesWithProblemsAndWritesNothing() {
        String number = dids.stock(null, "IN_STOCK", "IN_STOCK");
        String archived = dids.stock(null, "ARCHIVE", "IN_STOCK");

        assertRefused(reserve(number, "client-a", null, Instant.now().minusSeconds(1)), HttpStatus.BAD_REQUEST,
                "RESERVATION_IN_PAST");
        assertRefused(reserve(number, null, " ", Instant.now().plusSeconds(60)), HttpStatus.BAD_REQUEST,
                "RESERVED_FOR_REQUIRED");
        assertRefused(reserve(archived, "client-a", null, Instant.now().plusSeconds(60)), HttpStatus.CONFLICT,
                "DID_NOT_IN_STOCK");
        assertRefused(api.call(HttpMethod.POST, "/api/dids/" + number + "/reservation/release", null),
                HttpStatus.CONFLICT, "DID_NOT_RESERVED");
        assertRefused(reserve(ClientDids.newNumber(), "client-a", null, Instant.now().plusSeconds(60)),
                HttpStatus.NOT_FOUND, null);
        assertThat(dids.did(number)).containsEntry("status", "IN_STOCK");
        assertThat(published.seen("did.DidReserved.v1", number)).isEmpty();
    }

    private static void assertRefused(ResponseEntity<Map> answer, HttpStatus status, String code) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        if (code != null) {
            assertThat(answer.getBody()).containsEntry("code", code);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsADeactivatedPackagesDidsAmongTheHoldsAhead() {
        String client = UUID.randomUUID().toString();
        String clientPackage = UUID.randomUUID().toString();
        events.publish(new PackageActivated(clientPackage, client, "pkg-1", 10, List.of()));
        String first = dids.stock("nyc", "IN_STOCK", "ARCHIVE");
        String second = dids.stock(null, "IN_STOCK", "IN_STOCK");
        dids.take(first, client, clientPackage, "sip:a@pbx");
        dids.take(second, client, clientPackage, "sip:b@pbx");

        events.publish(new PackageDeactivated(clientPackage, client, "pkg-1", DeactivationReason.MANUAL));
        dids.awaitStatus(first, "HOLD");
        dids.awaitStatus(second, "HOLD");

        Map<String, Object> ahead = api.get("/api/dids/holds?days=1").getBody();
        Map<String, Object> group = ((List<Map<String, Object>>) ahead.get("groups")).stream()
                .filter(g -> clientPackage.equals(g.get("clientPackageId"))).findFirst().orElseThrow();
        assertThat(group).containsEntry("clientId", client);
        List<Map<String, Object>> held = (List<Map<String, Object>>) group.get("dids");
        assertThat(held).extracting(did -> did.get("number")).containsExactlyInAnyOrder(first, second);
        assertThat(held).filteredOn(did -> first.equals(did.get("number"))).singleElement()
                .satisfies(did -> assertThat(did).containsEntry("afterHoldStatus", "ARCHIVE")
                        .containsEntry("holdUntil", dids.did(first).get("holdUntil")));

        // a hold ending later than asked is not listed
        Map<String, Object> none = api.get("/api/dids/holds?endingBefore=" + Instant.now().minusSeconds(60)).getBody();
        assertThat((List<Map<String, Object>>) none.get("groups"))
                .noneMatch(g -> clientPackage.equals(g.get("clientPackageId")));
        assertRefused(api.get("/api/dids/holds?days=0"), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");

        ResponseEntity<String> csv = http.getForEntity("/api/dids/holds/export?days=1", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("clientId,clientPackageId,did,holdUntil,afterHoldStatus,tag")
                .contains(client + "," + clientPackage + "," + first + "," + dids.did(first).get("holdUntil") + ",ARCHIVE,nyc");
    }
}
