package io.didplatform.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the services who is calling: {@code X-Actor} carries the authenticated name. Whatever a caller sent
 * in that header is removed first, so nobody can act in another's name.
 */
@Component
class ActorHeaderFilter implements GlobalFilter, Ordered {
    static final String ACTOR_HEADER = "X-Actor";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication() == null ? "" : context.getAuthentication().getName())
                .defaultIfEmpty("")
                .flatMap(actor -> chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
                    headers.remove(ACTOR_HEADER);
                    if (!actor.isEmpty()) {
                        headers.set(ACTOR_HEADER, actor);
                    }
                })).build()));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
