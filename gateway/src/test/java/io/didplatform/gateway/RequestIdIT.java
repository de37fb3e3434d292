package io.didplatform.gateway;

import io.didplatform.gateway.GatewaySecurityAndRoutingIT.Echo;
import io.didplatform.security.RequestIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every request has an id: the caller's when sane, else a new one; it is answered on every response, passed on, and
 * in the gateway's log line for the request.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIT extends GatewayITBase {
    @Test
    void keepsTheCallersIdAndPassesItToTheService() {
        EntityExchangeResult<Echo> result = client.get().uri("/api/operators").header(RequestIds.HEADER, "abc-123")
                .headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(RequestIds.HEADER, "abc-123")
                .expectBody(Echo.class).returnResult();

        assertThat(result.getResponseBody().requestIds()).containsExactly("abc-123");
    }

    @Test
    void makesAnIdWhenTheCallerSentNoneOrAnUnsafeOne() {
        String made = client.get().uri("/api/operators").headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isOk()
                .returnResult(Echo.class).getResponseHeaders().getFirst(RequestIds.HEADER);
        Echo replaced = client.get().uri("/api/operators").header(RequestIds.HEADER, "x".repeat(129))
                .headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isOk()
                .expectHeader().valueMatches(RequestIds.HEADER, "[0-9a-f-]{36}")
                .expectBody(Echo.class).returnResult().getResponseBody();

        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(replaced.requestIds()).singleElement().asString().matches("[0-9a-f-]{36}");
    }

    @Test
    void answersItOnRefusalsAndErrorsToo() {
        client.get().uri("/api/operators").header(RequestIds.HEADER, "refused-1")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(RequestIds.HEADER, "refused-1");
        client.get().uri("/api/no-such-thing").header(RequestIds.HEADER, "missing-1")
                .headers(h -> h.setBasicAuth("admin", "admin"))
                .exchange().expectStatus().isNotFound()
                .expectHeader().valueEquals(RequestIds.HEADER, "missing-1");
        client.get().uri("/").header(RequestIds.HEADER, "page-1")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(RequestIds.HEADER, "page-1");
    }

    @Test
    void eachApiRequestIsALogLineWithItsId(CapturedOutput log) {
        client.post().uri("/api/operators").header(RequestIds.HEADER, "logged-1")
                .headers(h -> h.setBasicAuth("admin", "admin")).bodyValue("{}")
                .exchange().expectStatus().isOk();
        client.get().uri("/api/operators").header(RequestIds.HEADER, "logged-2")
                .exchange().expectStatus().isUnauthorized();

        await().untilAsserted(() -> assertThat(log.getOut())
                .contains("[logged-1] POST /api/operators -> 200")
                .contains("[logged-2] GET /api/operators -> 401"));
    }
}
