package io.didplatform.clients;

import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.testing.RestApi;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shared JSON calls, and the ones client-service's tests make often. */
final class Api extends RestApi {
    private final JdbcTemplate jdbc;
    private final PlatformEvents events;

    Api(TestRestTemplate http, JdbcTemplate jdbc, PlatformEvents events) {
        super(http);
        this.jdbc = jdbc;
        this.events = events;
    }

    String createClient(String name) {
        ResponseEntity<?> created = call(HttpMethod.POST, "/api/clients", Map.of("name", name, "email", "noc@example.com"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) ((Map<?, ?>) created.getBody()).get("id");
    }

    /** package-service's part: a package, given to the client, activated; returns once this service knows it. */
    String activePackage(String clientId, String packageName, int didLimit, List<String> tags) {
        String packageId = UUID.randomUUID().toString();
        String clientPackageId = UUID.randomUUID().toString();
        events.publish(new PackageCreated(packageId, packageName, didLimit, tags, "", PackageStatus.ACTIVE));
        events.publish(new ClientPackageCreated(clientPackageId, clientId, packageId, didLimit, tags, null, null));
        events.publish(new PackageActivated(clientPackageId, clientId, packageId, didLimit, tags));
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(jdbc.query(
                "select active from client_package_view where id = ?", rs -> rs.next() && rs.getBoolean(1), clientPackageId)));
        return clientPackageId;
    }

    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> take(String clientId, String number, String clientPackageId, String destination) {
        return call(HttpMethod.POST, "/api/clients/" + clientId + "/dids",
                Map.of("number", number, "clientPackageId", clientPackageId, "destination", destination));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> didsOf(String clientId) {
        return (List<Map<String, Object>>) get("/api/clients/" + clientId + "/dids").getBody().get("content");
    }
}
