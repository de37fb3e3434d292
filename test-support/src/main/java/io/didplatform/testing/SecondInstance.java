package io.didplatform.testing;

import io.didplatform.security.GatewayTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.util.DefaultUriBuilderFactory;

import java.util.stream.Stream;

/**
 * A second instance of the service under test, in the test's JVM: on the test context's database and broker, in its
 * consumer group, trusting the same gateway tokens. What {@link #http()} sends is signed as the gateway would, for
 * {@link ServiceITBase#TEST_USER} with the ADMIN role, like the test context's own requests.
 */
public final class SecondInstance implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final int port;
    private final TestRestTemplate http;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = new TestRestTemplate(new RestTemplateBuilder()
                .uriTemplateHandler(new DefaultUriBuilderFactory("http://127.0.0.1:" + port))
                .additionalInterceptors(new ServiceITBase.SigningInterceptor(
                        context.getEnvironment().getRequiredProperty("spring.application.name"))));
    }

    /**
     * Starts {@code application} as the test context ({@code environment}) runs it, on a port of its own, with
     * {@code settings} ({@code name=value}) of the service's own added.
     */
    public static SecondInstance start(Class<?> application, Environment environment, String... settings) {
        Stream<String> shared = Stream.of(
                "server.port=0",
                "spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                "spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "spring.kafka.bootstrap-servers=" + environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "spring.kafka.consumer.group-id=" + environment.getRequiredProperty("spring.kafka.consumer.group-id"),
                "did.database.create-if-missing=false",
                GatewayTokens.SECRET_PROPERTY + "=" + TestGatewayTokens.SECRET);
        // command-line arguments, so that they win over application.yml as the test context's properties do
        return new SecondInstance(new SpringApplicationBuilder(application).run(Stream.concat(shared, Stream.of(settings))
                .map(setting -> "--" + setting).toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return port;
    }

    /** Requests to this instance, as the gateway passes them on. */
    public TestRestTemplate http() {
        return http;
    }

    @Override
    public void close() {
        context.close();
    }
}
