package io.didplatform.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Errors the gateway raises itself (no route or page at a path, a method a path does not take, any other status,
 * an unexpected failure) leave as problem+json with a {@code code} like every other error of the platform, instead
 * of Spring Boot's {@code {timestamp, path, error}} body, and a failure never shows its exception. Ordered before
 * Boot's own handler; what the services answer is a response, not an error, and passes untouched.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);
    private final ProblemResponses problems;

    GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(error)) {
            return Mono.error(error);
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.clearContentHeaders(); // a service's Content-Length or Content-Encoding would not fit the problem
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (error instanceof ResponseStatusException failed) {
            headers.addAll(failed.getHeaders()); // Allow, Accept: what the caller may do instead
            HttpStatusCode status = failed.getStatusCode();
            return problems.write(exchange, status, codeOf(failed), detailOf(failed, path));
        }
        String id = RequestIdFilter.idOf(exchange);
        log.error("{} {} failed (request {})", request.getMethod(), path, id, error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "The gateway failed to"
                + " handle this request. Try again; if it persists, report request " + id + ".");
    }

    /** The code a refusal of the gateway's own carries, else one after its kind or status, as the services name them. */
    private static String codeOf(ResponseStatusException failed) {
        Map<String, Object> properties = failed.getBody().getProperties();
        if (properties != null && properties.get("code") instanceof String code) {
            return code;
        }
        if (failed instanceof ServerWebInputException) {
            return "INVALID_REQUEST";
        }
        return failed.getStatusCode() instanceof HttpStatus known ? known.name() : "HTTP_" + failed.getStatusCode().value();
    }

    private static String detailOf(ResponseStatusException failed, String path) {
        if (failed.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
            return (path.startsWith("/api/") ? "No API at " : "Nothing at ") + path + ".";
        }
        if (failed instanceof MethodNotAllowedException refused) {
            String allowed = refused.getSupportedMethods().stream().map(HttpMethod::name)
                    .collect(Collectors.joining(", "));
            return refused.getHttpMethod() + " is not allowed on " + path + "; it takes " + allowed + ".";
        }
        return failed.getReason() != null ? failed.getReason() : failed.getBody().getTitle();
    }
}
