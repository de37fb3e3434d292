package io.didplatform.gateway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/live}: server-sent events, one {@code change} per moment something happened on the platform, and
 * a comment now and then so that proxies keep the connection open. Any signed-in role may listen.
 */
@RestController
@ConditionalOnProperty(name = "did.gateway.live.enabled", havingValue = "true", matchIfMissing = true)
class LiveController {
    private final LiveChanges changes;
    private final LiveProperties properties;

    LiveController(LiveChanges changes, LiveProperties properties) {
        this.changes = changes;
        this.properties = properties;
    }

    @GetMapping(path = "/api/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<LiveChange>> live() {
        Flux<ServerSentEvent<LiveChange>> heartbeats = Flux.interval(properties.heartbeatEvery())
                .map(beat -> ServerSentEvent.<LiveChange>builder().comment("still here").build());
        Flux<ServerSentEvent<LiveChange>> open = Flux.just(ServerSentEvent.<LiveChange>builder().comment("listening").build());
        return open.concatWith(Flux.merge(
                changes.changes().map(change -> ServerSentEvent.builder(change).event("change").build()), heartbeats));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "did.gateway.live.enabled", havingValue = "true", matchIfMissing = true)
    static class Feed {
        @Bean
        LiveChanges liveChanges(LiveProperties properties) {
            return new LiveChanges(properties);
        }
    }
}
