package io.didplatform.inventory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/admin/inventory/reconciliation}: clean after ordinary work (the event store on the topic, the DID
 * view as its events make it, the routing table as the DID view says), and a DID view row changed by hand in the
 * database is named.
 * <p>
 * The topic is shared with the other test classes' databases, so records it holds from another store are not
 * held against this one.
 */
class ReconciliationIT extends InventoryITBase {
    private static final String PATH = "/api/admin/inventory/reconciliation";
    private static final String ROUTING = "routing-table-vs-did-view";

    PlatformEvents events;
    ClientDids dids;

    @BeforeEach
    void setUp() {
        events = new PlatformEvents(json);
        dids = new ClientDids(api, events);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void cleanAfterOrdinaryWorkAndAHandChangedRowIsNamed() {
        String edited = dids.stock("gold", "IN_STOCK", "IN_STOCK");
        String taken = dids.stock(null, "IN_STOCK", "IN_STOCK");
        dids.take(taken, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "sip:a@pbx.example");
        assertThat(api.call(HttpMethod.PATCH, "/api/dids/" + edited, Map.of("notes", "moved to rack 2"))
                .getStatusCode().is2xxSuccessful()).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> report = reconcile();
            assertThat(report).containsEntry("complete", true);
            assertThat(ownDifferences(report)).isEmpty();
            assertThat(check(report, "event-store-vs-topic").get("figures"))
                    .satisfies(figures -> assertThat(((Map<?, ?>) figures).get("storedPublished")).isNotEqualTo(0));
            assertThat(((Map<?, ?>) check(report, "did-view-vs-events").get("figures")).get("eventsReplayed"))
                    .isNotEqualTo(0);
        });

        jdbc.update("update did_view set status = 'IN_STOCK', client_id = null where number = ?", taken);
        jdbc.update("delete from did_view where number = ?", edited);

        List<Map<String, Object>> found = ownDifferences(reconcile());
        assertThat(found).extracting(difference -> difference.get("kind") + " " + difference.get("ids"))
                .containsExactlyInAnyOrder("READ_MODEL_ROW_DIFFERS [" + taken + "]",
                        "READ_MODEL_ROW_MISSING [" + edited + "]",
                        // the routing table follows the events, not the hand-changed view
                        "ROUTE_DIFFERS [" + taken + "]", "ROUTE_UNKNOWN [" + edited + "]");
    }

    @Test
    void routingTableAgainstTheViewNamesEveryNumberThatDiffers() {
        String routed = dids.stock(null, "IN_STOCK", "IN_STOCK");
        dids.take(routed, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "sip:a@pbx.example");
        String stocked = dids.stock(null, "IN_STOCK", "IN_STOCK");
        String unknown = ClientDids.newNumber();
        List<String> ours = List.of(routed, stocked, unknown);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> report = reconcile();
            assertThat(report).containsEntry("complete", true);
            assertThat(differencesAbout(check(report, ROUTING), ours)).isEmpty();
            assertThat(((Map<?, ?>) check(report, ROUTING).get("figures")).get("routes")).isNotEqualTo(0);
        });

        // as someone with psql could: the view changed behind the routing tables' back
        jdbc.update("update did_view set destination = 'sip:elsewhere@pbx.example' where number = ?", routed);
        jdbc.update("delete from did_view where number = ?", stocked);
        jdbc.update("""
                insert into did_view (number, status, after_hold_status, operator_id, created_at, updated_at)
                values (?, 'IN_STOCK', 'IN_STOCK', ?, now(), now())""", unknown, UUID.randomUUID().toString());

        assertThat(differencesAbout(check(reconcile(), ROUTING), ours))
                .extracting(difference -> difference.get("kind") + " " + difference.get("ids"))
                .containsExactlyInAnyOrder("ROUTE_DIFFERS [" + routed + "]", "ROUTE_UNKNOWN [" + stocked + "]",
                        "ROUTE_MISSING [" + unknown + "]");
    }

    @Test
    void onlyAdministratorsMayReconcile() {
        ResponseEntity<String> refused = http.exchange(PATH, HttpMethod.GET,
                new HttpEntity<>(as("someone", "OPERATOR")), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> reconcile() {
        ResponseEntity<Map> response = api.get(PATH + "?limit=10000");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(Map<String, Object> report, String name) {
        return ((List<Map<String, Object>>) report.get("checks")).stream()
                .filter(check -> name.equals(check.get("check"))).findFirst().orElseThrow();
    }

    /** The check's differences that name any of {@code numbers} (other tests' DIDs share the database). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> differencesAbout(Map<String, Object> check, List<String> numbers) {
        return ((List<Map<String, Object>>) check.get("differences")).stream()
                .filter(difference -> ((List<String>) difference.get("ids")).stream().anyMatch(numbers::contains))
                .toList();
    }

    /** Every difference but records on the shared topic that another test database stored. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> ownDifferences(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("checks")).stream()
                .flatMap(check -> ((List<Map<String, Object>>) check.get("differences")).stream())
                .filter(difference -> !"UNKNOWN_ON_TOPIC".equals(difference.get("kind")))
                .toList();
    }
}
