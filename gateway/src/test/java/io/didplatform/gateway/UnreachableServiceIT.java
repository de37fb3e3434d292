package io.didplatform.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that is down answers through the gateway as a 503 problem naming it, not a bare 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class UnreachableServiceIT {

    @DynamicPropertySource
    static void stoppedInventory(DynamicPropertyRegistry registry) {
        registry.add("INVENTORY_URI", () -> "http://127.0.0.1:" + freePort());
    }

    @Autowired
    WebTestClient client;

    @Test
    void answers503WithAProblemNamingTheServiceThatIsDown() {
        client.post().uri("/api/operators").headers(h -> h.setBasicAuth("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Carrier A\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("inventory service is not reachable"));
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
