package io.didplatform.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/** Errors the gateway answers itself, as application/problem+json with a {@code code}, like the services' own. */
@Component
class ProblemResponses {
    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("code", code);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    /** 403: signed in, but the role may not do this. */
    ServerAccessDeniedHandler accessDenied() {
        return (exchange, denied) -> write(exchange, HttpStatus.FORBIDDEN, "ACCESS_DENIED",
                "Your role may not " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value() + ".");
    }

    /**
     * 401: the challenge header {@code scheme} sets (Basic or Bearer, with its error details), and a problem body.
     * The scheme's entry point would complete the response empty; it gets a response that ignores that.
     */
    ServerAuthenticationEntryPoint unauthenticated(ServerAuthenticationEntryPoint scheme) {
        return (exchange, failure) -> {
            ServerHttpResponse kept = new ServerHttpResponseDecorator(exchange.getResponse()) {
                @Override
                public Mono<Void> setComplete() {
                    return Mono.empty();
                }
            };
            return scheme.commence(exchange.mutate().response(kept).build(), failure)
                    .then(Mono.defer(() -> write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                            "Sign in: missing or refused credentials.")));
        };
    }
}
