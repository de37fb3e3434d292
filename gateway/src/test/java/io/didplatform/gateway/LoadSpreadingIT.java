package io.didplatform.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several instances of a service behind one route: requests are spread over them, and a stopped one is passed by: a
 * GET that found it stopped is asked again of the next, and once its health check failed it gets no request at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class LoadSpreadingIT {
    static final EchoBackend FIRST = EchoBackend.start("inventory-1");
    static final EchoBackend SECOND = EchoBackend.start("inventory-2");

    @DynamicPropertySource
    static void twoLiveInstancesAndAStoppedOne(DynamicPropertyRegistry registry) {
        registry.add("INVENTORY_URIS", () -> FIRST.uri() + ",http://127.0.0.1:" + freePort() + "," + SECOND.uri());
    }

    @Autowired
    WebTestClient client;

    @Test
    void spreadsLookupsOverTheLiveInstancesAndRetriesAGetThatFoundOneStopped() {
        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            String backend = client.get().uri("/api/routing/15550001111").headers(h -> h.setBasicAuth("admin", "admin"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().get("backend").toString();
            answeredBy.merge(backend, 1, Integer::sum);
        }
        assertThat(answeredBy).containsOnlyKeys("inventory-1", "inventory-2");
        assertThat(answeredBy.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(4));
    }

    @Test
    void aPostGoesOnlyToInstancesThatPassTheirHealthCheck() {
        // the first health check runs when the route is first used
        await().untilAsserted(() -> client.post().uri("/api/operators").headers(h -> h.setBasicAuth("admin", "admin"))
                .bodyValue("{}").exchange().expectStatus().isOk());

        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            String backend = client.post().uri("/api/operators").headers(h -> h.setBasicAuth("admin", "admin"))
                    .bodyValue("{}").exchange()
                    .expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().get("backend").toString();
            answeredBy.merge(backend, 1, Integer::sum);
        }
        assertThat(answeredBy).containsOnlyKeys("inventory-1", "inventory-2");
    }

    /** A port nothing listens on: bound, then released. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
