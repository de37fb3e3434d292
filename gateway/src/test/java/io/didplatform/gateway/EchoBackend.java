package io.didplatform.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real HTTP backend standing in for a service: it answers every request with JSON naming itself, the method,
 * the path and every {@code X-Actor}, {@code Authorization}, {@code X-Request-Id} and {@code X-Api-Key} value it received, so a test sees exactly what the
 * gateway forwarded.
 */
final class EchoBackend {
    private final String name;
    private final HttpServer server;

    private EchoBackend(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    static EchoBackend start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            EchoBackend backend = new EchoBackend(name, server);
            server.createContext("/", backend::echo);
            server.start();
            return backend;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the echo backend " + name, e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String values(HttpExchange exchange, String header) {
        return exchange.getRequestHeaders().getOrDefault(header, List.of()).stream()
                .map(value -> "\"" + value + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private void echo(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String body = "{\"backend\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
                + "\",\"path\":\"" + exchange.getRequestURI().getPath()
                + "\",\"actors\":" + values(exchange, "X-Actor")
                + ",\"authorizations\":" + values(exchange, "Authorization")
                + ",\"requestIds\":" + values(exchange, "X-Request-Id")
                + ",\"apiKeys\":" + values(exchange, "X-Api-Key") + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
