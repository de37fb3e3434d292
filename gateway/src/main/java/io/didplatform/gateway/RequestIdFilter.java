package io.didplatform.gateway;

import io.didplatform.security.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request has an id ({@link RequestIds}): the caller's {@code X-Request-Id} when sane, a new UUID otherwise.
 * It is answered on every response, refusals and errors included (so this runs before security), and passed to the
 * service, which logs it and correlates the request's events by it. Each API request is one line of logger
 * {@value #ACCESS_LOG} with its id; routing lookups (thousands a second from switches), the UI's files, the API
 * documents and the actuator only at DEBUG.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {
    static final String ACCESS_LOG = "io.didplatform.access";
    private static final Logger access = LoggerFactory.getLogger(ACCESS_LOG);
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestIds.keepOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
        String path = exchange.getRequest().getPath().value();
        boolean frequent = !path.startsWith("/api/") || path.startsWith("/api/routing/");
        if (frequent ? !access.isDebugEnabled() : !access.isInfoEnabled()) {
            return forward(exchange, chain, id);
        }
        long started = System.nanoTime();
        return forward(exchange, chain, id).doFinally(signal -> {
            String line = "[{}] {} {} -> {} in {} ms";
            Object[] values = {id, exchange.getRequest().getMethod(), path, exchange.getResponse().getStatusCode(),
                    (System.nanoTime() - started) / 1_000_000};
            if (frequent) {
                access.debug(line, values);
            } else {
                access.info(line, values);
            }
        });
    }

    private static Mono<Void> forward(ServerWebExchange exchange, WebFilterChain chain, String id) {
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
