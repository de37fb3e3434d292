package io.didplatform.system;

import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the system tests that use the platform as its admin and its auditor do, through the gateway, and of the
 * steps that wait for one service to have heard of what another did.
 */
abstract class SystemITBase {
    static final Duration EVENTUALLY = Duration.ofSeconds(60);
    static Api admin;
    static Api auditor;

    @BeforeAll
    static void startPlatform() {
        String gateway = RunningPlatform.get().gatewayUrl();
        admin = new Api(gateway, "admin", "admin");
        auditor = new Api(gateway, "auditor", "auditor");
    }

    /**
     * Takes a DID for a client: client-service may not have heard yet of the client package or that it is active
     * (400 UNKNOWN_CLIENT_PACKAGE, 409 PACKAGE_INACTIVE: ask again), and inventory may answer after the call
     * returned (202: follow the link).
     */
    static void take(String path, Map<String, ?> body) {
        await().atMost(EVENTUALLY).until(() -> {
            Api.Response response = admin.post(path, body);
            if (response.status() == 202) {
                String request = path + "/requests/" + response.text("requestId");
                await().atMost(EVENTUALLY).until(() -> !"PENDING".equals(admin.get(request).text("status")));
                assertThat(admin.get(request).text("status")).isEqualTo("CONFIRMED");
                return true;
            }
            if (List.of("PACKAGE_INACTIVE", "UNKNOWN_CLIENT_PACKAGE").contains(response.text("code"))) {
                return false;
            }
            assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
            return true;
        });
    }

    /** Creates what depends on another service having heard of its parts (a client package), asking until it has. */
    static String eventuallyCreated(String path, Map<String, ?> body) {
        List<String> id = new ArrayList<>();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Api.Response response = admin.post(path, body);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
            id.add(response.body().has("id") ? response.text("id") : response.text("number"));
        });
        return id.get(0);
    }

    /** The id (a DID's: its number) of what the answer created. */
    static String created(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().has("id") ? response.text("id") : response.text("number");
    }
}
