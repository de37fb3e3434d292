package io.didplatform.gateway;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Swagger UI's pages get the admin UI's Content-Security-Policy with one exception: Swagger UI sets inline styles,
 * which the strict policy blocks. Scripts stay the gateway's own. Set before security's header writer, which then
 * leaves a policy already present alone.
 */
@Component
class SwaggerUiPolicy implements WebFilter, Ordered {
    static final String CONTENT_SECURITY_POLICY = SecurityConfiguration.CONTENT_SECURITY_POLICY
            .replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/swagger-ui/") || path.startsWith("/webjars/swagger-ui/")) {
            exchange.getResponse().getHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
