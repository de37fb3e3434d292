package io.didplatform.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway does not start when it could not vouch for its callers to every service. */
class GatewayStartupIT {

    @Test
    void refusesToStartWithoutTheGatewayTokenSecret() {
        assertThatThrownBy(() -> start("--did.security.gateway-token.secret="))
                .rootCause()
                .hasMessageContaining("did.security.gateway-token.secret (environment DID_SECURITY_GATEWAY_TOKEN_SECRET) is not set");
    }

    @Test
    void refusesToStartWithARouteThatNamesNoService() {
        assertThatThrownBy(() -> start("--spring.cloud.gateway.server.webflux.routes[0].id=anonymous",
                "--spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:9",
                "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/api/anonymous/**"))
                .rootCause()
                .hasMessageContaining("Route 'anonymous' has no metadata.audience");
    }

    private static void start(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        new SpringApplicationBuilder(GatewayApplication.class).run(all).close();
    }
}
