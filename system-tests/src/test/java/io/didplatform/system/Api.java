package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** The gateway's REST API as one user calls it, with HTTP Basic credentials. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    Api(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Response(int status, JsonNode body, String contentType) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, Object body) {
        try {
            return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file upload as a browser sends it: multipart form data with the file and the given form fields. */
    Response upload(String path, String fileName, String content, Map<String, String> fields) {
        String boundary = "----did-platform-" + UUID.randomUUID();
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        form.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return exchange("POST", path, HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8),
                "multipart/form-data; boundary=" + boundary);
    }

    private Response exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, body)
                    .header("Content-Type", contentType)
                    // a caller cannot act in another's name: the gateway replaces this header
                    .header("X-Actor", "forged-actor");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
            return new Response(response.statusCode(), json,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
