package io.didplatform.clients;

import io.didplatform.contracts.inventory.DidAssigned;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A take inventory never answers: after did.clients.assignment-timeout (20 s here) the request fails with
 * TIMEOUT and its slot is free; an assignment that arrives after that is given back, not counted.
 */
class AssignmentTimeoutIT extends ClientITBase {
    private static final String DEST = "sip:office@pbx.example.com";

    @Test
    void aTakeInventoryNeverAnswersFailsWithTimeoutAndALateAssignmentIsGivenBack() {
        String client = api.createClient("Forsaken");
        String cp = api.activePackage(client, "Only one", 1, List.of());
        String silent = freshNumber();
        inventory.ignore(silent);

        ResponseEntity<Map> pending = api.take(client, silent, cp, DEST);
        assertThat(pending.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = pending.getHeaders().getLocation().toString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.get(location).getBody())
                .containsEntry("status", "FAILED").containsEntry("reason", "TIMEOUT"));
        assertThat(api.didsOf(client)).isEmpty();
        assertThat(jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry"
                + " where aggregate_identifier = ? and payload_type like '%DidAssignmentFailed'", String.class, client))
                .contains("\"actor\":\"system\"");

        // the slot is free again
        String next = freshNumber();
        inventory.stock(next, "");
        assertThat(api.take(client, next, cp, DEST).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // inventory wakes up and assigns the number after all: the client gives it back at once
        UUID requestId = UUID.fromString((String) pending.getBody().get("requestId"));
        events.publish(new DidAssigned(silent, requestId, client, cp, DEST));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from domain_event_entry"
                + " where aggregate_identifier = ? and payload_type like '%DidReturnRequested'", Long.class, client) == 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.didsOf(client))
                .extracting(did -> did.get("number")).containsExactly(next));
        assertThat(api.get(location).getBody()).containsEntry("status", "FAILED").containsEntry("reason", "TIMEOUT");
    }
}
