package io.didplatform.inventory;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OperatorLifecycleIT extends InventoryITBase {
    @Test
    void operatorIsCreatedRenamedAndDeleted() {
        String name = "Carrier " + UUID.randomUUID();
        String id = api.createOperator(name);

        assertThat(api.call(HttpMethod.PUT, "/api/operators/" + id, Map.of("name", name + " renamed", "notes", "n"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/operators/" + id).getBody()).containsEntry("name", name + " renamed"));

        assertThat(api.call(HttpMethod.DELETE, "/api/operators/" + id, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/operators/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(api.call(HttpMethod.DELETE, "/api/operators/" + id, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void secondOperatorWithTheSameNameInAnotherCaseIsRefused() {
        String name = "Dup " + UUID.randomUUID();
        api.createOperator(name);
        var refused = api.call(HttpMethod.POST, "/api/operators", Map.of("name", name.toUpperCase()));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("code", "OPERATOR_NAME_TAKEN");
    }
}
