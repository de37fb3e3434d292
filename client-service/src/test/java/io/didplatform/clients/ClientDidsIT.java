package io.didplatform.clients;

import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.HoldReason;
import io.didplatform.contracts.HeldDid;
import io.didplatform.support.reconcile.HeldDids;
import io.didplatform.testing.WrittenNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A client's DIDs after taking them: changes go to inventory as requests, and the list shows what inventory did. */
class ClientDidsIT extends ClientITBase {
    @Autowired
    HeldDids heldDids;

    @Test
    void routesBlocksUnblocksAndGivesBackADidAndTheListFollowsInventory() {
        String client = api.createClient("Busy");
        String cp = api.activePackage(client, "Single", 1, List.of());
        String number = freshNumber(), next = freshNumber();
        inventory.stock(number, "");
        inventory.stock(next, "");
        assertThat(api.take(client, number, cp, "sip:a@pbx.example.com").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String did = "/api/clients/" + client + "/dids/" + number;

        assertThat(api.call(HttpMethod.PUT, did, Map.of("destination", "tel:+12125550199")).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        awaitDid(did, "ACTIVE", "tel:+12125550199");
        assertThat(api.call(HttpMethod.PUT, did, Map.of("destination", "ftp://nope")).getBody())
                .containsEntry("code", "INVALID_DESTINATION");

        assertThat(api.call(HttpMethod.POST, did + "/block", null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitDid(did, "BLOCKED", "tel:+12125550199");
        assertThat(api.call(HttpMethod.POST, did + "/unblock", null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitDid(did, "ACTIVE", "tel:+12125550199");

        // inventory's hold cascade and restore show up as they happen there
        events.publish(new DidHeld(number, cp, HoldReason.PACKAGE_INACTIVE, Instant.now().plusSeconds(60), DidStatus.ACTIVE));
        awaitDid(did, "HOLD", "tel:+12125550199");
        // which inventory would pass over while the DID is held: refused here, not accepted and dropped
        for (String change : List.of("/block", "/unblock")) {
            ResponseEntity<Map> refused = api.call(HttpMethod.POST, did + change, null);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody()).containsEntry("code", "DID_ON_HOLD");
        }
        events.publish(new DidRestored(number, cp, DidStatus.ACTIVE));
        awaitDid(did, "ACTIVE", "tel:+12125550199");

        assertThat(api.call(HttpMethod.DELETE, did, null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.didsOf(client).isEmpty());
        assertThat(api.call(HttpMethod.POST, did + "/block", null).getBody()).containsEntry("code", "DID_NOT_FOUND");
        // the given-back number freed the package's only slot
        assertThat(api.take(client, next, cp, "sip:a@pbx.example.com").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aDidReleasedByInventoryLeavesTheListAndFreesItsSlot() {
        String client = api.createClient("Lapsed");
        String cp = api.activePackage(client, "Single", 1, List.of());
        String number = freshNumber(), next = freshNumber();
        inventory.stock(number, "");
        inventory.stock(next, "");
        assertThat(api.take(client, number, cp, "12125550100").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.take(client, next, cp, "12125550100").getBody()).containsEntry("code", "LIMIT_REACHED");

        events.publish(new DidHeld(number, cp, HoldReason.PACKAGE_INACTIVE, Instant.now(), DidStatus.ACTIVE));
        events.publish(new DidReleased(number, DidStatus.IN_STOCK));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.didsOf(client).isEmpty());

        assertThat(api.take(client, next, cp, "12125550100").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aPageOfHeldDidsForTheReconciliationNeverSplitsANumberHeldTwice() {
        long first = Long.parseLong(freshNumber().substring(0, 9)) * 100;
        String before = String.valueOf(first), one = String.valueOf(first + 1), two = String.valueOf(first + 2),
                three = String.valueOf(first + 3);
        for (String[] row : List.of(new String[]{"client-a", one}, new String[]{"client-a", two},
                new String[]{"client-b", two}, new String[]{"client-a", three})) {
            jdbc.update("insert into client_did_view (client_id, number, client_package_id, status, destination)"
                    + " values (?, ?, 'cp', 'ACTIVE', 'sip:x@pbx')", row[0], row[1]);
        }
        try {
            List<HeldDid> page = heldDids.page(before, three, 2);
            assertThat(page).extracting(HeldDid::number).containsExactly(one, two, two);
            assertThat(heldDids.page(two, three, 2)).extracting(HeldDid::number).containsExactly(three);
        } finally {
            jdbc.update("delete from client_did_view where number in (?, ?, ?)", one, two, three);
        }
    }

    @Test
    void aDidGivenBackByInventoryLeavesTheListAtOnceAndFreesItsSlot() {
        String client = api.createClient("Terminated");
        String cp = api.activePackage(client, "Ending", 1, List.of());
        String number = freshNumber(), next = freshNumber();
        inventory.stock(number, "");
        inventory.stock(next, "");
        assertThat(api.take(client, number, cp, "12125550100").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // its client package terminated: inventory holds it for the hold period, but it is no longer the client's
        events.publish(new DidHeld(number, cp, HoldReason.RELEASED, Instant.now().plusSeconds(3600), DidStatus.ACTIVE));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.didsOf(client).isEmpty());

        assertThat(api.take(client, next, cp, "12125550100").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void everyEndpointReadsANumberWrittenAsPeopleWriteItAsTheSameDid() {
        String client = api.createClient("Decorated");
        String cp = api.activePackage(client, "Single", 1, List.of());
        String number = freshNumber();
        String written = WrittenNumbers.decorated(number);
        inventory.stock(number, "");

        ResponseEntity<Map> took = api.take(client, written, cp, "sip:a@pbx.example.com");
        assertThat(took.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(took.getBody()).containsEntry("number", number);
        assertThat(took.getHeaders().getLocation()).hasPath("/api/clients/" + client + "/dids/" + number);
        String did = "/api/clients/" + client + "/dids/" + written;
        assertThat(api.get(did).getBody()).containsEntry("number", number);

        assertThat(api.call(HttpMethod.PUT, did, Map.of("destination", "tel:+12125550199")).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        awaitDid(did, "ACTIVE", "tel:+12125550199");
        assertThat(api.call(HttpMethod.POST, did + "/block", null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitDid(did, "BLOCKED", "tel:+12125550199");
        assertThat(api.call(HttpMethod.POST, did + "/unblock", null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitDid(did, "ACTIVE", "tel:+12125550199");
        assertThat(api.call(HttpMethod.DELETE, did, null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.didsOf(client).isEmpty());
    }

    @Test
    void changesOnlyTheClientsOwnAssignedDids() {
        String client = api.createClient("Nosy");
        assertThat(api.call(HttpMethod.PUT, "/api/clients/" + client + "/dids/12125550100",
                Map.of("destination", "tel:+1")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.call(HttpMethod.DELETE, "/api/clients/" + client + "/dids/12125550100", null).getBody())
                .containsEntry("code", "DID_NOT_FOUND");
        assertThat(api.get("/api/clients/" + client + "/dids/12125550100").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void awaitDid(String path, String status, String destination) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get(path).getBody())
                .containsEntry("status", status).containsEntry("destination", destination));
    }
}
