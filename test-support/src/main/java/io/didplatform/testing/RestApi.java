package io.didplatform.testing;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/**
 * Small JSON calls against a service, as the gateway would make them (with an X-Actor header). A service's tests
 * extend it with the calls they make often.
 */
public class RestApi {
    /** The {@code X-Actor} every call carries, and so the {@code actor} of the events it causes. */
    public static final String ACTOR = "it-user";

    private final TestRestTemplate http;

    public RestApi(TestRestTemplate http) {
        this.http = http;
    }

    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> call(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor", ACTOR);
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> get(String path) {
        return call(HttpMethod.GET, path, null);
    }
}
