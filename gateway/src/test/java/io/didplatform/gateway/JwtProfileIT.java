package io.didplatform.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the {@code local} profile the gateway takes JWT bearer tokens only, and never the default passwords. */
class JwtProfileIT {

    @Test
    void refusesToStartWithDefaultPasswords() {
        assertThatThrownBy(() -> startInProduction("--did.security.users[0].name=admin",
                "--did.security.users[0].password=admin", "--did.security.users[0].roles[0]=ADMIN").close())
                .rootCause()
                .hasMessageContaining("default passwords");
    }

    @Test
    void startsWithChangedPasswordsAndTakesNoBasicCredentials() {
        try (ConfigurableApplicationContext context = startInProduction("--did.security.users[0].name=admin",
                "--did.security.users[0].password=s3cret-enough", "--did.security.users[0].roles[0]=ADMIN")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
            client.get().uri("/api/operators").headers(h -> h.setBasicAuth("admin", "s3cret-enough"))
                    .exchange().expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
    }

    /** Users given as command-line arguments, as an operator might carry the local ones over by mistake. */
    private static ConfigurableApplicationContext startInProduction(String... args) {
        String[] common = {"--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks"};
        return new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("production")
                .run(Stream.concat(Stream.of(common), Stream.of(args)).toArray(String[]::new));
    }
}
