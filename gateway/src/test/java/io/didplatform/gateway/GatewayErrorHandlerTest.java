package io.didplatform.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure nobody expected answers a 500 problem that shows nothing of the exception behind it. */
class GatewayErrorHandlerTest {
    private final GatewayErrorHandler handler =
            new GatewayErrorHandler(new ProblemResponses(Jackson2ObjectMapperBuilder.json().build()));

    @Test
    void answersAnUnexpectedFailureWithAnInternalErrorProblemThatLeaksNothing() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/operators"));

        handler.handle(exchange, new IllegalStateException("pool io.didplatform.Secret exhausted")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"code\":\"INTERNAL_ERROR\"", "\"instance\":\"/api/operators\"",
                        "report request " + exchange.getRequest().getId())
                .doesNotContain("IllegalStateException", "Secret", "exhausted", "trace");
    }
}
