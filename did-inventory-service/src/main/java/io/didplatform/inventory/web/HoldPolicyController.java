package io.didplatform.inventory.web;

import io.didplatform.inventory.config.HoldSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * How holds work here, for people deciding whether to deactivate: a client package's DIDs stay on HOLD this long
 * (ISO-8601, e.g. {@code PT720H}), then each takes its After Hold status and leaves its client.
 */
@RestController
class HoldPolicyController {
    private final Duration holdPeriod;

    HoldPolicyController(HoldSettings settings) {
        this.holdPeriod = settings.period();
    }

    record HoldPolicy(Duration period, long periodSeconds) {
    }

    @GetMapping("/api/dids/hold-policy")
    HoldPolicy holdPolicy() {
        return new HoldPolicy(holdPeriod, holdPeriod.toSeconds());
    }
}
