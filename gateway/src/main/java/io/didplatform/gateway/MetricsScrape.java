package io.didplatform.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * A Prometheus scrape on the gateway's own management port ({@code management.server.port}, which deploy/k8s sets
 * and exposes only inside the cluster, behind the NetworkPolicy): let through without a login, as the services'
 * metrics are. On the public port, and for every other endpoint, the ADMIN rule stands.
 */
@Component
class MetricsScrape implements ServerWebExchangeMatcher {
    static final String PATH = "/actuator/prometheus";
    private final Integer managementPort;

    MetricsScrape(@Value("${management.server.port:#{null}}") Integer managementPort) {
        this.managementPort = managementPort;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        boolean scrape = managementPort != null && managementPort > 0 && local != null
                && local.getPort() == managementPort
                && PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value());
        return scrape ? MatchResult.match() : MatchResult.notMatch();
    }
}
