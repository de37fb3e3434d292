package io.didplatform.inventory;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/** Small JSON calls against the service, as the gateway would make them (with an X-Actor header). */
final class Api {
    private final TestRestTemplate http;

    Api(TestRestTemplate http) {
        this.http = http;
    }

    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> call(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor", "it-user");
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    String createOperator(String name) {
        return (String) call(HttpMethod.POST, "/api/operators", Map.of("name", name)).getBody().get("id");
    }
}
