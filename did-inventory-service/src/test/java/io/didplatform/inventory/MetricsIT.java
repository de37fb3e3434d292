package io.didplatform.inventory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Request and routing latencies are exported as histograms, so percentiles can be taken across instances. */
@AutoConfigureObservability(tracing = false)
class MetricsIT extends InventoryITBase {

    @Test
    void exportsHistogramBucketsForRequestsAndRoutingLookups() {
        http.getForEntity("/api/operators", String.class);
        http.getForEntity("/api/routing/15559990000", String.class);

        String metrics = new TestRestTemplate().getForObject(http.getRootUri() + "/actuator/prometheus", String.class);

        assertThat(metrics)
                .containsPattern("(?m)^http_server_requests_seconds_bucket\\{(?=[^}]*application=\"did-inventory-service\")"
                        + "(?=[^}]*uri=\"/api/operators\")")
                // buckets from 10 µs: a lookup takes microseconds
                .containsPattern("(?m)^did_routing_lookups_seconds_bucket\\{(?=[^}]*application=\"did-inventory-service\")"
                        + "(?=[^}]*le=\"(1\\.0E-5|1e-05)\")");
    }
}
