package io.didplatform.inventory;

import io.didplatform.testing.RestApi;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import java.util.Map;

/** The shared JSON calls, and the ones inventory's tests make often. */
final class Api extends RestApi {

    Api(TestRestTemplate http) {
        super(http);
    }

    String createOperator(String name) {
        return (String) call(HttpMethod.POST, "/api/operators", Map.of("name", name)).getBody().get("id");
    }
}
