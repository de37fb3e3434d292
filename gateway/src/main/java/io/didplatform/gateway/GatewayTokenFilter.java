package io.didplatform.gateway;

import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Tells a service who is calling: the request it gets carries {@code Authorization: Bearer <token>}, the gateway's
 * signed statement of the authenticated caller and roles for that service (the route's {@code audience}). What the
 * caller sent as {@code Authorization} (their password or access token), {@code X-Api-Key} and {@code X-Actor} never
 * reaches a service.
 */
@Component
class GatewayTokenFilter implements GlobalFilter, Ordered {
    /** Route metadata naming the service behind a route: its {@code spring.application.name}. */
    static final String AUDIENCE = "audience";
    static final String ACTOR_HEADER = "X-Actor";

    private final GatewayTokenIssuer issuer;

    GatewayTokenFilter(GatewayTokenIssuer issuer, GatewayProperties gateway) {
        this.issuer = issuer;
        for (RouteDefinition route : gateway.getRoutes()) {
            if (!(route.getMetadata().get(AUDIENCE) instanceof String audience) || audience.isBlank()) {
                throw new IllegalStateException("Route '" + route.getId() + "' has no metadata." + AUDIENCE + ": set it"
                        + " to the spring.application.name of the service behind it, which takes only tokens for that name.");
            }
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String audience = route == null ? null : (String) route.getMetadata().get(AUDIENCE);
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(authentication -> audience != null && authentication.isAuthenticated())
                .map(authentication -> Optional.of(tokenFor(authentication, audience)))
                .defaultIfEmpty(Optional.empty())
                .flatMap(token -> chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
                    headers.remove(ACTOR_HEADER);
                    headers.remove(HttpHeaders.AUTHORIZATION);
                    headers.remove(ApiKeyAuthentication.HEADER);
                    token.ifPresent(headers::setBearerAuth);
                })).build()));
    }

    private String tokenFor(Authentication authentication, String audience) {
        return issuer.tokenFor(Callers.of(authentication), audience);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
