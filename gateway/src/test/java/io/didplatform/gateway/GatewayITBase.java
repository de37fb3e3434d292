package io.didplatform.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the gateway's tests in front of real HTTP stand-ins for the four services, each named after its routes
 * (inventory, packages, clients, audit): the gateway on a random port, a client for it, and the secret it signs
 * callers' tokens with, to check the token a stand-in received. The tests that need nothing else share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayITBase {
    private static final EchoBackend INVENTORY = EchoBackend.start("inventory");
    private static final EchoBackend PACKAGES = EchoBackend.start("packages");
    private static final EchoBackend CLIENTS = EchoBackend.start("clients");
    private static final EchoBackend AUDIT = EchoBackend.start("audit");

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("INVENTORY_URI", INVENTORY::uri);
        registry.add("PACKAGE_URI", PACKAGES::uri);
        registry.add("CLIENT_URI", CLIENTS::uri);
        registry.add("AUDIT_URI", AUDIT::uri);
    }

    @Autowired
    WebTestClient client;
    @Value("${did.security.gateway-token.secret}")
    String secret;
}
