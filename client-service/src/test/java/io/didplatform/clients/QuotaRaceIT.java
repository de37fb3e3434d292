package io.didplatform.clients;

import io.didplatform.security.AccessRules;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many requests at once, over real HTTP connections (not a pooled client that would queue them). */
class QuotaRaceIT extends ClientITBase {
    private static final String DEST = "sip:race@pbx.example.com";
    @LocalServerPort
    int port;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void oneClientFiringMoreRequestsThanItsAllowanceGetsExactlyTheAllowance() {
        String clientId = api.createClient("Greedy");
        String cp = api.activePackage(clientId, "Three", 3, List.of());
        List<String> numbers = IntStream.range(0, 30).mapToObj(i -> freshNumber()).toList();
        numbers.forEach(number -> inventory.stock(number, ""));

        List<HttpResponse<String>> answers = all(numbers.stream().map(number -> take(clientId, number, cp)).toList());

        assertThat(countBy(answers)).isEqualTo(Map.of("201", 3L, "409 LIMIT_REACHED", 27L));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%DidAssignmentRequested'", Long.class, clientId))
                .as("slots ever held").isEqualTo(3);
        assertThat(api.didsOf(clientId)).hasSize(3).allSatisfy(did -> assertThat(did).containsEntry("status", "ACTIVE"));
        // the tests snapshot every 5 events: the client is now loaded from a snapshot, and still full
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, clientId)).isPositive();
        String oneMore = freshNumber();
        inventory.stock(oneMore, "");
        assertThat(api.take(clientId, oneMore, cp, DEST).getBody()).containsEntry("code", "LIMIT_REACHED");
    }

    @Test
    void twentyClientsAskingForOneNumberAtOnceLeaveOneWinner() {
        String number = freshNumber();
        inventory.stock(number, "");
        List<String[]> contenders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String clientId = api.createClient("Contender " + i);
            contenders.add(new String[]{clientId, api.activePackage(clientId, "One", 1, List.of())});
        }

        List<HttpResponse<String>> answers = all(contenders.stream().map(c -> take(c[0], number, c[1])).toList());

        assertThat(countBy(answers)).isEqualTo(Map.of("201", 1L, "409 NOT_IN_STOCK", 19L));
        long holders = contenders.stream().filter(c -> !api.didsOf(c[0]).isEmpty()).count();
        assertThat(holders).isEqualTo(1);
    }

    private CompletableFuture<HttpResponse<String>> take(String clientId, String number, String clientPackageId) {
        String body = "{\"number\":\"%s\",\"clientPackageId\":\"%s\",\"destination\":\"%s\"}"
                .formatted(number, clientPackageId, DEST);
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients/" + clientId + "/dids"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + gatewayToken("racer", AccessRules.OPERATOR))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<HttpResponse<String>> all(List<CompletableFuture<HttpResponse<String>>> requests) {
        return requests.stream().map(CompletableFuture::join).toList();
    }

    /**
     * "201", or "409 CODE" for a refusal. On a loaded machine inventory may answer after the request's wait: a 202
     * is then followed to its outcome, which must be the same a quicker answer would have given.
     */
    private Map<String, Long> countBy(List<HttpResponse<String>> answers) {
        return answers.stream().collect(Collectors.groupingBy(this::outcome, Collectors.counting()));
    }

    private String outcome(HttpResponse<String> answer) {
        Map<?, ?> body = read(answer.body());
        if (answer.statusCode() == 202) {
            String location = answer.headers().firstValue("Location").orElseThrow();
            Map<?, ?> settled = await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get(location).getBody(), request -> !"PENDING".equals(request.get("status")));
            return "CONFIRMED".equals(settled.get("status")) ? "201" : "409 " + settled.get("reason");
        }
        return answer.statusCode() == 409 ? "409 " + body.get("code") : String.valueOf(answer.statusCode());
    }

    private Map<?, ?> read(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
