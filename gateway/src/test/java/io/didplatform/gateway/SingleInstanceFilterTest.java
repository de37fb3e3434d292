package io.didplatform.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A service with one instance is routed to directly; one with several is left to the load balancer. */
class SingleInstanceFilterTest {
    private final SingleInstanceFilter filter = new SingleInstanceFilter(new ServiceInstances(Map.of(
            "inventory", List.of(URI.create("http://127.0.0.1:8081")),
            "packages", List.of(URI.create("http://127.0.0.1:8082"), URI.create("http://127.0.0.1:8092")))));
    private final GatewayFilterChain chain = exchange -> Mono.empty();

    @Test
    void routesToTheOnlyInstanceKeepingPathAndEncodedQuery() {
        MockServerWebExchange exchange = routedTo("lb://inventory/api/dids?number=1%2B555&size=1");

        filter.filter(exchange, chain).block();

        assertThat((URI) exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR))
                .hasToString("http://127.0.0.1:8081/api/dids?number=1%2B555&size=1");
        Set<URI> original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        assertThat(original).containsExactly(URI.create("lb://inventory/api/dids?number=1%2B555&size=1"));
    }

    @Test
    void leavesAServiceWithSeveralInstancesToTheLoadBalancer() {
        MockServerWebExchange exchange = routedTo("lb://packages/api/packages");

        filter.filter(exchange, chain).block();

        assertThat((URI) exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR))
                .hasToString("lb://packages/api/packages");
    }

    private static MockServerWebExchange routedTo(String url) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api"));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, URI.create(url));
        return exchange;
    }
}
