package io.didplatform.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The instances of each service the routes ({@code lb://<route id>}) spread requests over, as configured in
 * {@code did.gateway.instances}: a fixed list suits one machine and container platforms whose service address
 * already balances; a discovery client of the platform can replace it.
 */
@ConfigurationProperties("did.gateway")
record ServiceInstances(Map<String, List<URI>> instances) implements ReactiveDiscoveryClient {

    @Override
    public String description() {
        return "service instances configured in did.gateway.instances";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        List<URI> uris = instances.getOrDefault(serviceId, List.of());
        return Flux.fromStream(IntStream.range(0, uris.size()).mapToObj(index -> {
            URI uri = uris.get(index);
            return new DefaultServiceInstance(serviceId + "-" + index, serviceId, uri.getHost(), uri.getPort(),
                    "https".equals(uri.getScheme()));
        }));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}
