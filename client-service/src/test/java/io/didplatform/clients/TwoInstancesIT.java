package io.didplatform.clients;

import io.didplatform.security.AccessRules;
import io.didplatform.security.GatewayTokens;
import io.didplatform.testing.TestGatewayTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.DefaultUriBuilderFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second instance of the service on the same database and broker. The first, started earlier, holds the
 * projection's segments and so projects every outcome; yet a take through either answers as soon as inventory
 * decided, not after the assignment wait.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT extends ClientITBase {
    private static final String DEST = "sip:office@pbx.example.com";
    /** Well under the assignment wait the test context is given (ClientITBase): the answer did not wait it out. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @Autowired
    Environment environment;
    ConfigurableApplicationContext second;
    TestRestTemplate secondHttp;

    @BeforeAll
    void startASecondInstance() {
        // command-line arguments, so that they win over application.yml as the test context's properties do
        second = new SpringApplicationBuilder(ClientApplication.class).run(Stream.of(
                "server.port=0",
                "spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                "spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "spring.kafka.bootstrap-servers=" + environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "spring.kafka.consumer.group-id=" + environment.getRequiredProperty("spring.kafka.consumer.group-id"),
                "did.clients.assignment-wait=" + environment.getRequiredProperty("did.clients.assignment-wait"),
                "did.database.create-if-missing=false",
                GatewayTokens.SECRET_PROPERTY + "=" + TestGatewayTokens.SECRET).map(setting -> "--" + setting).toArray(String[]::new));
        int port = ((WebServerApplicationContext) second).getWebServer().getPort();
        secondHttp = new TestRestTemplate(new RestTemplateBuilder()
                .uriTemplateHandler(new DefaultUriBuilderFactory("http://127.0.0.1:" + port))
                .additionalInterceptors((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(TestGatewayTokens.token("client-service", TEST_USER, AccessRules.ADMIN));
                    return execution.execute(request, body);
                }));
    }

    @AfterAll
    void stopTheSecondInstance() {
        second.close();
    }

    @Test
    void aTakeThroughEitherInstanceAnswersOnceInventoryDecided() {
        String client = api.createClient("Two Doors");
        String cp = api.activePackage(client, "Either Door", 4, List.of());
        String first = freshNumber(), second = freshNumber();
        inventory.stock(first, "");
        inventory.stock(second, "");

        assertTakenPromptly(api, client, first, cp);
        assertTakenPromptly(new Api(secondHttp, jdbc, events), client, second, cp);
    }

    private static void assertTakenPromptly(Api through, String client, String number, String cp) {
        long started = System.nanoTime();
        ResponseEntity<Map> took = through.take(client, number, cp, DEST);
        assertThat(took.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
    }
}
