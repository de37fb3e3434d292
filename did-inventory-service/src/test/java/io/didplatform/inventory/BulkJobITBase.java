package io.didplatform.inventory;

import io.didplatform.contracts.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the tests of bulk jobs (imports, mass edits and deletes, their dry runs and undos): each test has an
 * operator and a number prefix of its own, and watches what inventory publishes from its start.
 */
abstract class BulkJobITBase extends InventoryITBase {
    String operator;
    String prefix;
    TopicWatcher published;

    @BeforeEach
    void newOperatorAndPrefix() {
        operator = api.createOperator(getClass().getSimpleName() + " " + UUID.randomUUID());
        prefix = "1" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        published = new TopicWatcher(Topics.DID_INVENTORY, json);
    }

    @AfterEach
    void stopWatching() throws InterruptedException {
        published.close();
    }

    /** Imports the CSV file into this test's operator, or only previews it. */
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> upload(byte[] content, boolean dryRun) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "dids.csv";
            }
        });
        form.add("operatorId", operator);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/dids/import?dryRun=" + dryRun, HttpMethod.POST, new HttpEntity<>(form, headers),
                Map.class);
    }

    /** The job the answer started, once it no longer runs. */
    @SuppressWarnings("rawtypes")
    Map finished(ResponseEntity<Map> started) {
        assertThat(started.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(api.get(location).getBody().get("state")));
        return api.get(location).getBody();
    }
}
