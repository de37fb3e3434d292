package io.didplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A service's OpenAPI document ({@code /v3/api-docs}), read as the gateway reads it, and what a test checks in it. */
public final class ApiDocument {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode document;

    private ApiDocument(JsonNode document) {
        this.document = document;
    }

    /** Read over {@link ServiceITBase#http}, so with a gateway token. */
    public static ApiDocument read(TestRestTemplate http, ObjectMapper json) {
        ResponseEntity<String> answer = http.getForEntity("/v3/api-docs", String.class);
        if (answer.getStatusCode() != HttpStatus.OK) {
            throw new AssertionError("/v3/api-docs answered " + answer.getStatusCode() + ": " + answer.getBody());
        }
        try {
            return new ApiDocument(json.readTree(answer.getBody()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json() {
        return document;
    }

    public Set<String> paths() {
        Set<String> paths = new TreeSet<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /** {@code GET /api/x} for every operation that names no {@code application/problem+json} answer. */
    public List<String> operationsWithoutProblems() {
        List<String> missing = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> METHODS.contains(operation.getKey()))
                .filter(operation -> operation.getValue().path("responses").findValues("application/problem+json")
                        .isEmpty())
                .forEach(operation -> missing.add(operation.getKey().toUpperCase() + " " + path.getKey())));
        return missing;
    }
}
