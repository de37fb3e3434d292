package io.didplatform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.didplatform.contracts.HeldDid;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/**
 * {@code GET /api/admin/reconciliation} (ADMIN, as all of {@code /api/admin}): asks every configured instance of
 * every service for its reconciliation ({@code /api/admin/<service>/reconciliation}) with the caller's signed token,
 * runs the one check across services ({@link ClientDidsCheck}, answered as the instance {@code gateway}), and answers
 * all of them in one report. An instance that cannot answer makes the report incomplete, not clean.
 */
@RestController
class ReconciliationController {
    private static final Duration PER_INSTANCE = Duration.ofMinutes(10);
    private static final int MAX_LIMIT = 10_000;
    private static final int MAX_SETTLE_SECONDS = 600;
    private static final URI CROSS_SERVICE = URI.create("/api/admin/reconciliation");
    private static final ParameterizedTypeReference<JsonNode> REPORT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<HeldDid>> HELD_DIDS = new ParameterizedTypeReference<>() {
    };

    private final ServiceInstances instances;
    private final Map<String, String> audiences;
    private final GatewayTokenIssuer issuer;
    private final WebClient http;
    private final ObjectMapper json;
    private final Clock clock;

    ReconciliationController(ServiceInstances instances, GatewayProperties gateway, GatewayTokenIssuer issuer,
                             WebClient.Builder http, ObjectMapper json) {
        this.instances = instances;
        this.audiences = gateway.getRoutes().stream().collect(Collectors.toMap(RouteDefinition::getId,
                route -> (String) route.getMetadata().get(GatewayTokenFilter.AUDIENCE)));
        this.issuer = issuer;
        this.http = http.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        this.json = json;
        this.clock = Clock.systemUTC();
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

    /** {@code settle}: how long, in seconds, a number must differ across services to count as a difference. */
    @GetMapping("/api/admin/reconciliation")
    Mono<Report> reconcile(@RequestParam(defaultValue = "100") int limit,
                           @RequestParam(defaultValue = "30") int settle, Authentication caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(invalid("INVALID_LIMIT", "limit must be 1 to " + MAX_LIMIT));
        }
        if (settle < 0 || settle > MAX_SETTLE_SECONDS) {
            return Mono.error(invalid("INVALID_SETTLE", "settle must be 0 to " + MAX_SETTLE_SECONDS
                    + " seconds"));
        }
        Flux<InstanceAnswer> eachInstance = Flux.fromIterable(instances.instances().entrySet())
                .flatMap(service -> Flux.fromIterable(service.getValue())
                        .flatMap(uri -> ask(service.getKey(), uri, limit, caller)));
        return eachInstance.mergeWith(acrossServices(limit, Duration.ofSeconds(settle), caller))
                .sort(Comparator.comparing(InstanceAnswer::service).thenComparing(answer -> answer.uri().toString()))
                .collectList()
                .map(answers -> {
                    boolean complete = answers.stream().allMatch(InstanceAnswer::complete);
                    long differences = answers.stream().mapToLong(InstanceAnswer::differences).sum();
                    return new Report(complete && differences == 0, complete, differences, answers);
                });
    }

    private static ResponseStatusException invalid(String code, String detail) {
        ResponseStatusException refused = new ResponseStatusException(BAD_REQUEST, detail);
        refused.getBody().setProperty("code", code);
        return refused;
    }

    private Mono<InstanceAnswer> ask(String service, URI uri, int limit, Authentication caller) {
        return get(service, uri, "/reconciliation?limit=" + limit, caller, REPORT)
                .map(report -> new InstanceAnswer(service, uri, report, null))
                .onErrorResume(e -> Mono.just(new InstanceAnswer(service, uri, null, describe(e))));
    }

    /** The cross-service check, answered in the shape of an instance's report. */
    private Mono<InstanceAnswer> acrossServices(int limit, Duration settle, Authentication caller) {
        Instant started = clock.instant();
        ClientDidsCheck check = new ClientDidsCheck((service, after, through, size) -> firstInstance(service)
                .flatMap(uri -> get(service, uri, "/reconciliation/client-dids?limit=" + size
                        + (after == null ? "" : "&after=" + after) + (through == null ? "" : "&through=" + through),
                        caller, HELD_DIDS)), clock);
        return check.run(settle)
                .map(outcome -> {
                    ArrayNode differences = json.createArrayNode();
                    outcome.differing().entrySet().stream().limit(limit).forEach(entry -> differences.addObject()
                            .put("check", ClientDidsCheck.NAME).put("kind", entry.getValue().kind())
                            .put("detail", entry.getValue().detail())
                            .set("ids", json.createArrayNode().add(entry.getKey())));
                    return crossServiceReport(started, outcome.differenceCount(),
                            json.valueToTree(outcome.figures()), differences);
                })
                .onErrorResume(e -> Mono.just(crossServiceReport(started, -1, json.createObjectNode(),
                        json.createArrayNode().add(json.createObjectNode().put("check", ClientDidsCheck.NAME)
                                .put("kind", "CHECK_FAILED").put("detail", describe(e))
                                .set("ids", json.createArrayNode())))));
    }

    private InstanceAnswer crossServiceReport(Instant started, long differenceCount, JsonNode figures,
                                              ArrayNode differences) {
        ObjectNode report = json.createObjectNode().put("service", "gateway").put("instance", "gateway")
                .put("checkedAt", started.toString())
                .put("tookMillis", Duration.between(started, clock.instant()).toMillis())
                .put("differenceCount", Math.max(0, differenceCount)).put("complete", differenceCount >= 0);
        ObjectNode result = report.putArray("checks").addObject().put("check", ClientDidsCheck.NAME);
        result.set("figures", figures);
        result.put("differenceCount", differenceCount).set("differences", differences);
        return new InstanceAnswer("gateway", CROSS_SERVICE, report, null);
    }

    private Mono<URI> firstInstance(String service) {
        List<URI> uris = instances.instances().getOrDefault(service, List.of());
        return uris.isEmpty() ? Mono.error(new IllegalStateException("no instance of " + service + " is configured"))
                : Mono.just(uris.get(0));
    }

    /** {@code /api/admin/<service><path>} of one instance, with a token for the service on the caller's behalf. */
    private <T> Mono<T> get(String service, URI uri, String path, Authentication caller,
                            ParameterizedTypeReference<T> type) {
        return request(service, uri, path, caller).bodyToMono(type).timeout(PER_INSTANCE);
    }

    private WebClient.ResponseSpec request(String service, URI uri, String path, Authentication caller) {
        String token = issuer.tokenFor(Callers.of(caller), audiences.get(service));
        return http.get()
                .uri(uri.resolve("/api/admin/" + service + path))
                .headers(headers -> headers.setBearerAuth(token))
                .retrieve();
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
