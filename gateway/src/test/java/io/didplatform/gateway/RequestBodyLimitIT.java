package io.didplatform.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;

/** Bodies larger than the gateway lets through are answered 413 problem+json; an upload may be larger than JSON. */
@TestPropertySource(properties = {"did.gateway.max-body-size=1KB", "did.gateway.max-upload-size=4KB"})
class RequestBodyLimitIT extends GatewayITBase {
    @Test
    void aJsonBodyUpToTheLimitPassesAndALargerOneIs413() {
        postJson(json(1024)).expectStatus().isOk().expectBody().jsonPath("$.backend").isEqualTo("inventory");
        postJson(json(1025)).expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.detail").isEqualTo("The request body is larger than 1 KB, the most this request may send.");
    }

    @Test
    void aBodySentWithoutALengthIsCutOffAtTheLimit() {
        Flux<DataBuffer> chunks = Flux.range(0, 4).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[512]));
        client.post().uri("/api/dids").headers(h -> h.setBasicAuth("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(chunks))
                .exchange().expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void anUploadMayBeLargerThanJsonUpToItsOwnLimit() {
        upload(3 * 1024).expectStatus().isOk().expectBody().jsonPath("$.path").isEqualTo("/api/dids/import");
        upload(5 * 1024).expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body is larger than 4 KB, the most this request may send.");
    }

    private WebTestClient.ResponseSpec postJson(String body) {
        return client.post().uri("/api/dids").headers(h -> h.setBasicAuth("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private WebTestClient.ResponseSpec upload(int size) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(new byte[size]) {
            @Override
            public String getFilename() {
                return "dids.csv";
            }
        });
        return client.post().uri("/api/dids/import").headers(h -> h.setBasicAuth("admin", "admin"))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    /** {"notes":"xxx…"} of exactly {@code size} bytes. */
    private static String json(int size) {
        return "{\"notes\":\"" + "x".repeat(size - 12) + "\"}";
    }
}
