package io.didplatform.testing;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/**
 * Small JSON calls against a service, over {@link ServiceITBase#http} (so as the gateway would pass them
 * on, signed for {@link ServiceITBase#TEST_USER}). A service's tests extend it with the calls they make
 * often.
 */
public class RestApi {
    private final TestRestTemplate http;

    public RestApi(TestRestTemplate http) {
        this.http = http;
    }

    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> call(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> get(String path) {
        return call(HttpMethod.GET, path, null);
    }
}
