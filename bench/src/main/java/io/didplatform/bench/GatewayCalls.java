package io.didplatform.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calls through the gateway as one user, as the UI makes them: each answer's body, or a failure on anything but 2xx. */
final class GatewayCalls {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI gateway;
    private final String authorization;

    GatewayCalls(URI gateway, String authorization) {
        this.gateway = gateway;
        this.authorization = authorization;
    }

    String get(String path) {
        try {
            return send("GET", path, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer's body; fails on anything but a 2xx. */
    String send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body();
    }

    /** A field's value (a string, number or boolean, unquoted) in a flat JSON object; null when absent. */
    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|[^,}\\s]+)").matcher(json);
        return !value.find() ? null : value.group(2) != null ? value.group(2) : value.group(1);
    }
}
