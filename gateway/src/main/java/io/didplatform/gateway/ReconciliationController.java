package io.didplatform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/**
 * {@code GET /api/admin/reconciliation} (ADMIN, as all of {@code /api/admin}): asks every configured instance of
 * every service for its reconciliation ({@code /api/admin/<service>/reconciliation}) with the caller's signed token,
 * and answers all of them in one report. An instance that cannot answer makes the report incomplete, not clean.
 */
@RestController
class ReconciliationController {
    private static final Duration PER_INSTANCE = Duration.ofMinutes(10);
    private static final int MAX_LIMIT = 10_000;

    private final ServiceInstances instances;
    private final Map<String, String> audiences;
    private final GatewayTokenIssuer issuer;
    private final WebClient http;

    ReconciliationController(ServiceInstances instances, GatewayProperties gateway, GatewayTokenIssuer issuer,
                             WebClient.Builder http) {
        this.instances = instances;
        this.audiences = gateway.getRoutes().stream().collect(Collectors.toMap(RouteDefinition::getId,
                route -> (String) route.getMetadata().get(GatewayTokenFilter.AUDIENCE)));
        this.issuer = issuer;
        this.http = http.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
    }

    /** One instance's answer: its report, or why there is none. */
    record InstanceAnswer(String service, URI uri, JsonNode report, String error) {
        long differences() {
            return report == null ? 0 : report.path("differenceCount").asLong();
        }

        boolean complete() {
            return report != null && report.path("complete").asBoolean();
        }
    }

    record Report(boolean clean, boolean complete, long differenceCount, List<InstanceAnswer> instances) {
    }

    @GetMapping("/api/admin/reconciliation")
    Mono<Report> reconcile(@RequestParam(defaultValue = "100") int limit, Authentication caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(new ResponseStatusException(BAD_REQUEST, "limit must be 1 to " + MAX_LIMIT));
        }
        return Flux.fromIterable(instances.instances().entrySet())
                .flatMap(service -> Flux.fromIterable(service.getValue())
                        .flatMap(uri -> ask(service.getKey(), uri, limit, caller)))
                .sort(Comparator.comparing(InstanceAnswer::service).thenComparing(answer -> answer.uri().toString()))
                .collectList()
                .map(answers -> {
                    boolean complete = answers.stream().allMatch(InstanceAnswer::complete);
                    long differences = answers.stream().mapToLong(InstanceAnswer::differences).sum();
                    return new Report(complete && differences == 0, complete, differences, answers);
                });
    }

    private Mono<InstanceAnswer> ask(String service, URI uri, int limit, Authentication caller) {
        String token = issuer.tokenFor(Callers.of(caller), audiences.get(service));
        return http.get()
                .uri(uri.resolve("/api/admin/" + service + "/reconciliation?limit=" + limit))
                .headers(headers -> headers.setBearerAuth(token))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(PER_INSTANCE)
                .map(report -> new InstanceAnswer(service, uri, report, null))
                .onErrorResume(e -> Mono.just(new InstanceAnswer(service, uri, null, e.getClass().getSimpleName()
                        + ": " + e.getMessage())));
    }
}
