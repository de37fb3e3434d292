package io.didplatform.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The live feed of changes the admin UI listens to ({@code GET /api/live}): which broker and topics it follows,
 * and how often it tells the browsers what changed.
 */
@ConfigurationProperties("did.gateway.live")
public record LiveProperties(
        @DefaultValue("true") boolean enabled,
        String bootstrapServers,
        @DefaultValue({"did-inventory.events", "package.events", "client.events"}) List<String> topics,
        @DefaultValue("PT0.25S") Duration flushEvery,
        @DefaultValue("PT15S") Duration heartbeatEvery) {
}
