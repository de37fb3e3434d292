package io.didplatform.gateway;

import io.didplatform.security.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request has an id ({@link RequestIds}): the caller's {@code X-Request-Id} when sane, a new UUID otherwise.
 * It is answered on every response, refusals and errors included (so this runs before security), and passed to the
 * service, which logs it and correlates the request's events by it.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestIds.keepOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestIds.HEADER, id))).build());
    }

    /** The id of the request being handled. */
    static String idOf(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : exchange.getRequest().getId();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
