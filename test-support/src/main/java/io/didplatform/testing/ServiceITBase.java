package io.didplatform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.security.AccessRules;
import io.didplatform.security.GatewayTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every service's integration tests work with: its REST API on the random port, its database and its own
 * JSON mapper. A service's base class extends it and adds {@code @SpringBootTest} with the service's settings
 * and {@link TestInfrastructure}.
 * <p>
 * The service trusts only requests the gateway signed. Every request {@link #http} sends carries such a token for
 * {@link #TEST_USER} with the ADMIN role, unless the test set an {@code Authorization} header itself (see
 * {@link #as}).
 */
@TestPropertySource(properties = GatewayTokens.SECRET_PROPERTY + "=" + TestGatewayTokens.SECRET)
public abstract class ServiceITBase {
    /** The caller of what the tests send, and so the {@code actor} of the events it causes. */
    public static final String TEST_USER = "it-user";

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;
    @Value("${spring.application.name}")
    private String service;

    /** The one {@link TestRestTemplate} of the test context gets the interceptor once. */
    @BeforeEach
    void signRequestsAsTheGatewayWould() {
        List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>(http.getRestTemplate().getInterceptors());
        if (interceptors.stream().noneMatch(SigningInterceptor.class::isInstance)) {
            interceptors.add(new SigningInterceptor(service));
            http.getRestTemplate().setInterceptors(interceptors);
        }
    }

    /** Headers of a request from {@code user} with {@code roles}, as the gateway passes it on. */
    protected HttpHeaders as(String user, String... roles) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(gatewayToken(user, roles));
        return headers;
    }

    /** A token for this service stating {@code user} with {@code roles}. */
    protected String gatewayToken(String user, String... roles) {
        return TestGatewayTokens.token(service, user, roles);
    }

    /** Signs a request for {@link #TEST_USER} as ADMIN, unless it carries its own {@code Authorization}. */
    record SigningInterceptor(String service) implements ClientHttpRequestInterceptor {
        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(TestGatewayTokens.token(service, TEST_USER, AccessRules.ADMIN));
            }
            return execution.execute(request, body);
        }
    }
}
