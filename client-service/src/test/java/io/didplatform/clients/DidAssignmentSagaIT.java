package io.didplatform.clients;

import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.contracts.packages.PackageStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Taking a DID end to end: this service, the real broker, and a stand-in answering for inventory. */
class DidAssignmentSagaIT extends ClientITBase {
    private static final String DEST = "sip:office@pbx.example.com";

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void takesDidsUpToTheLimitThenRefusesLocally() {
        String client = api.createClient("Limit Two");
        String cp = api.activePackage(client, "NYC Two", 2, List.of("nyc"));
        String first = freshNumber(), second = freshNumber(), third = freshNumber();
        List.of(first, second, third).forEach(number -> inventory.stock(number, "nyc"));

        ResponseEntity<Map> took = api.take(client, "+" + first, cp, DEST);
        assertThat(took.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(took.getHeaders().getLocation()).hasPath("/api/clients/" + client + "/dids/" + first);
        assertThat(took.getBody()).containsEntry("number", first).containsEntry("status", "ACTIVE")
                .containsEntry("destination", DEST).containsEntry("packageName", "NYC Two");
        assertThat(api.take(client, second, cp, "tel:+12125550100").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> refused = api.take(client, third, cp, DEST);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("code", "LIMIT_REACHED");
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        assertThat(api.didsOf(client)).extracting(did -> did.get("number"), did -> did.get("status"), did -> did.get("destination"))
                .containsExactlyInAnyOrder(tuple(first, "ACTIVE", DEST), tuple(second, "ACTIVE", "tel:+12125550100"));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%DidAssignmentRequested'", Long.class, client)).isEqualTo(2);
        // the confirmation belongs to the request's flow and names inventory's answer as its cause
        List<Map<String, Object>> flow = jdbc.queryForList("select payload_type, convert_from(meta_data, 'UTF8') as meta"
                + " from domain_event_entry where aggregate_identifier = ? and payload_type like '%DidAssignment%'"
                + " order by sequence_number limit 2", client);
        Map<?, ?> requested = read((String) flow.get(0).get("meta")), confirmed = read((String) flow.get(1).get("meta"));
        assertThat(flow.get(1).get("payload_type").toString()).endsWith("DidAssignmentConfirmed");
        assertThat(confirmed.get("correlationId")).isEqualTo(requested.get("correlationId"));
        assertThat(confirmed.get("causationId")).isNotNull();
        assertThat(requested.get("actor")).isEqualTo("it-user");
    }

    @Test
    void aTakeAskedAgainIsAnsweredWithTheFirstRequestButAnotherTakeOfTheNumberIsRefused() {
        String client = api.createClient("Asks Twice");
        String cp = api.activePackage(client, "Retries", 3, List.of());
        String number = freshNumber();
        inventory.stock(number, "");

        ResponseEntity<Map> first = api.take(client, number, cp, DEST);
        ResponseEntity<Map> again = api.take(client, number, cp, DEST);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).containsEntry("number", number).containsEntry("status", "ACTIVE")
                .containsEntry("requestId", first.getBody().get("requestId"));
        // a different destination is not the same take
        ResponseEntity<Map> elsewhere = api.take(client, number, cp, "sip:elsewhere@pbx.example.com");
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(elsewhere.getBody()).containsEntry("code", "ALREADY_REQUESTED");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%DidAssignmentRequested'", Long.class, client)).isEqualTo(1);
    }

    @Test
    void aTakeSentTheMomentTheClientPackageIsCreatedWaitsForItInsteadOfRefusing() throws Exception {
        String client = api.createClient("Quick Starter");
        String number = freshNumber();
        inventory.stock(number, "");
        String packageId = UUID.randomUUID().toString(), cp = UUID.randomUUID().toString();

        CompletableFuture<ResponseEntity<Map>> take = CompletableFuture.supplyAsync(() -> api.take(client, number, cp, DEST));
        events.publish(new PackageCreated(packageId, "Just given", 1, List.of(), "", PackageStatus.ACTIVE));
        events.publish(new ClientPackageCreated(cp, client, packageId, 1, List.of(), null, null));
        events.publish(new PackageActivated(cp, client, packageId, 1, List.of()));

        assertThat(take.get(60, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> unknown = api.take(client, freshNumber(), UUID.randomUUID().toString(), DEST);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).containsEntry("code", "UNKNOWN_CLIENT_PACKAGE");
    }

    @Test
    void answersWithInventorysReasonWhenItRefusesAndFreesTheSlot() {
        String client = api.createClient("Refused");
        String cp = api.activePackage(client, "NYC One", 1, List.of("nyc"));
        String taggedOtherwise = freshNumber(), reserved = freshNumber(), unknown = freshNumber(), good = freshNumber();
        inventory.stock(taggedOtherwise, "la");
        inventory.reserve(reserved);
        inventory.stock(good, "nyc");

        assertRefused(api.take(client, taggedOtherwise, cp, DEST), "TAG_NOT_ALLOWED");
        assertRefused(api.take(client, reserved, cp, DEST), "NOT_IN_STOCK");
        assertRefused(api.take(client, unknown, cp, DEST), "UNKNOWN_NUMBER");
        // three refusals left the only slot free
        assertThat(api.take(client, good, cp, DEST).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.didsOf(client)).extracting(did -> did.get("number")).containsExactly(good);
    }

    @Test
    void refusesAPackageThatIsInactiveOrNotTheClients() {
        String client = api.createClient("Inactive");
        String other = api.createClient("Other");
        String cp = api.activePackage(client, "Soon gone", 5, List.of());
        String othersPackage = api.activePackage(other, "Not yours", 5, List.of());
        events.publish(new PackageDeactivated(cp, client, "p", DeactivationReason.MANUAL));
        await().atMost(Duration.ofSeconds(20)).until(() -> !jdbc.queryForObject(
                "select active from client_package_view where id = ?", Boolean.class, cp));

        assertRefused(api.take(client, freshNumber(), cp, DEST), "PACKAGE_INACTIVE");
        ResponseEntity<Map> notTheirs = api.take(client, freshNumber(), othersPackage, DEST);
        assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notTheirs.getBody()).containsEntry("code", "UNKNOWN_CLIENT_PACKAGE");
        assertThat(api.take("no-such-client", freshNumber(), cp, DEST).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void answers202WithALinkWhileInventoryIsSilentAndSettlesLater() {
        String client = api.createClient("Patient");
        String cp = api.activePackage(client, "Slow", 1, List.of());
        String number = freshNumber();
        inventory.ignore(number);

        ResponseEntity<Map> pending = api.take(client, number, cp, DEST);
        assertThat(pending.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = pending.getHeaders().getLocation().toString();
        assertThat(location).startsWith("/api/clients/" + client + "/dids/requests/");
        assertThat(api.get(location).getBody()).containsEntry("status", "PENDING").containsEntry("number", number);
        assertThat(api.didsOf(client)).extracting(did -> did.get("status")).containsExactly("PENDING");
        // the pending request holds the only slot
        assertRefused(api.take(client, freshNumber(), cp, DEST), "LIMIT_REACHED");

        UUID requestId = UUID.fromString((String) pending.getBody().get("requestId"));
        events.publish(new DidAssigned(number, requestId, client, cp, DEST));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get(location).getBody()).containsEntry("status", "CONFIRMED"));
        assertThat(api.didsOf(client)).extracting(did -> did.get("status")).containsExactly("ACTIVE");
    }

    @Test
    void aRequestTheViewHasNotShownYetIsNotCalledUnknown() {
        String client = api.createClient("Polls Early");
        String cp = api.activePackage(client, "Lagging view", 1, List.of());
        String number = freshNumber();
        inventory.ignore(number);
        EventProcessor requestsView = processing.eventProcessor("client-did-view").orElseThrow();
        ResponseEntity<Map> pending;
        String unknown = "/api/clients/" + client + "/dids/requests/" + UUID.randomUUID();
        requestsView.shutDown();
        try {
            pending = api.take(client, number, cp, DEST);
            assertThat(pending.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            // stored, not yet in the view (as while it catches up after a database restart): ask again, not 404
            ResponseEntity<Map> early = api.get(pending.getHeaders().getLocation().toString());
            assertThat(early.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(early.getBody()).containsEntry("code", "CATCHING_UP");
            assertThat(api.get(unknown).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        } finally {
            requestsView.start();
        }
        // asked again, as a 503 invites, once the view has caught up
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get(pending.getHeaders()
                .getLocation().toString()).getBody()).containsEntry("status", "PENDING").containsEntry("number", number));
        ResponseEntity<Map> notFound = api.get(unknown);
        assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notFound.getBody()).containsEntry("code", "REQUEST_NOT_FOUND");
    }

    @Test
    void refusesBadNumbersAndDestinationsWith400() {
        String client = api.createClient("Careless");
        String cp = api.activePackage(client, "Any", 5, List.of());
        for (String destination : new String[]{"", "http://example.com", "office@pbx", "sip:" + "a".repeat(252) + "@x"}) {
            ResponseEntity<Map> refused = api.take(client, freshNumber(), cp, destination);
            assertThat(refused.getStatusCode()).as(destination).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).containsEntry("code", "INVALID_DESTINATION");
        }
        assertThat(api.take(client, "12ab5", cp, DEST).getBody()).containsEntry("code", "INVALID_NUMBER");
    }

    private Map<?, ?> read(String metaData) {
        try {
            return json.readValue(metaData, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRefused(ResponseEntity<Map> response, String code) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("code", code);
    }
}
