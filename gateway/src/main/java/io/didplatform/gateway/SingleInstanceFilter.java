package io.didplatform.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service configured with one instance (bin/run's default, or a container platform's service address) is routed
 * to directly: the load balancer would make the same choice on every request, at the cost of a reactive lookup of
 * the instance list, a round robin over it and a timeout armed and cancelled. Services with several instances are
 * left to the load balancer, which spreads requests over them ({@link ServiceInstances}).
 */
@Component
class SingleInstanceFilter implements GlobalFilter, Ordered {
    private static final String LOAD_BALANCED = "lb";

    /** The one instance of each service that has one, by service id (the host of its routes' {@code lb://} URI). */
    private final Map<String, URI> onlyInstances;

    SingleInstanceFilter(ServiceInstances instances) {
        this.onlyInstances = instances.instances().entrySet().stream()
                .filter(service -> service.getValue().size() == 1)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, service -> service.getValue().get(0)));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        URI instance = url != null && LOAD_BALANCED.equals(url.getScheme()) ? onlyInstances.get(url.getHost()) : null;
        if (instance != null) {
            ServerWebExchangeUtils.addOriginalRequestUrl(exchange, url);
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, UriComponentsBuilder.fromUri(url)
                    .scheme(instance.getScheme()).host(instance.getHost()).port(instance.getPort()).build(true).toUri());
        }
        return chain.filter(exchange);
    }

    /** Just before the load balancer, which then finds nothing left to choose. */
    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER - 1;
    }
}
