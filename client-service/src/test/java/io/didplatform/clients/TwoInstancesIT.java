package io.didplatform.clients;

import io.didplatform.security.AccessRules;
import io.didplatform.testing.SecondInstance;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second instance of the service on the same database and broker, sharing the processors' segments with the first:
 * a take through either answers as soon as inventory decided, whichever instance publishes its request and projects
 * its outcome, not after the assignment wait.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT extends ClientITBase {
    private static final String DEST = "sip:office@pbx.example.com";
    private static final int CONCURRENT_TAKES = 300;

    @Autowired
    Environment environment;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @LocalServerPort
    int firstPort;
    SecondInstance second;

    @BeforeAll
    void startASecondInstance() {
        second = SecondInstance.start(ClientApplication.class, environment,
                "did.clients.assignment-wait=" + environment.getRequiredProperty("did.clients.assignment-wait"),
                "did.processors.heartbeat=" + environment.getRequiredProperty("did.processors.heartbeat"));
        awaitSteadyState();
    }

    /**
     * Joining makes both instances hand over segments and partitions; until that settles a take waits on a paused
     * consumer. The tests here are about two instances at work, so they start once every segment and every
     * partition of the service's listeners is claimed again.
     */
    private void awaitSteadyState() {
        EventProcessingConfiguration secondProcessing = second.bean(EventProcessingConfiguration.class);
        KafkaListenerEndpointRegistry firstListeners = listeners, secondListeners = second.bean(KafkaListenerEndpointRegistry.class);
        List<String> shared = jdbc.queryForList("select distinct processor_name from token_entry", String.class);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String processor : shared) {
                int segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                        Integer.class, processor);
                assertThat(claimed(processing, processor) + claimed(secondProcessing, processor))
                        .as(processor + " fully claimed").isEqualTo(segments);
                assertThat(claimed(secondProcessing, processor)).as(processor + " on the second").isEqualTo(segments / 2);
            }
            // both consumers of a group hold partitions only once its rebalance has handed them out
            for (String listener : firstListeners.getListenerContainerIds()) {
                assertThat(assigned(firstListeners, listener)).as(listener + " on the first").isPositive();
                assertThat(assigned(secondListeners, listener)).as(listener + " on the second").isPositive();
            }
        });
    }

    private static int assigned(KafkaListenerEndpointRegistry listeners, String listener) {
        var assignment = listeners.getListenerContainer(listener).getAssignedPartitions();
        return assignment == null ? 0 : assignment.size();
    }

    @AfterAll
    void stopTheSecondInstance() {
        second.close();
    }

    /**
     * The client's events fall in segments the second instance took over when it joined, so a take through the first
     * has its outcome projected (and, segments staying as the balancer left them, its request published) by the other.
     */
    @Test
    void aTakeThroughEitherInstanceAnswersOnceInventoryDecided() {
        String client = clientOfTheSecondInstancesSegments();
        String cp = api.activePackage(client, "Either Door", 4, List.of());
        String firstNumber = freshNumber(), secondNumber = freshNumber();
        inventory.stock(firstNumber, "");
        inventory.stock(secondNumber, "");

        assertTakenPromptly(api, client, firstNumber, cp);
        assertTakenPromptly(new Api(second.http(), jdbc, events), client, secondNumber, cp);
    }

    /**
     * A new client whose assignment outcomes the second instance projects; about every other client is one. (Not also
     * asked of the outbox: a JVM stalled past the claim timeout on a loaded machine may leave the two processors'
     * segments shared differently for a while.)
     */
    private String clientOfTheSecondInstancesSegments() {
        EventProcessingConfiguration secondProcessing = second.bean(EventProcessingConfiguration.class);
        return Stream.generate(() -> api.createClient("Two Doors")).limit(20)
                .filter(client -> processes(secondProcessing, "client-did-view", client))
                .findFirst().orElseThrow();
    }

    /** Whether the processor, on that instance, holds the segment of the aggregate's events. */
    private static boolean processes(EventProcessingConfiguration processing, String processor, String aggregateId) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class).orElseThrow()
                .processingStatus().values().stream().anyMatch(status -> status.getSegment().matches(aggregateId));
    }

    /** The first instance claimed every segment at its start; the balancer leaves it its share and the second the rest. */
    @Test
    void bothInstancesProcessAShareOfEverySharedProcessor() {
        List<String> shared = jdbc.queryForList("select distinct processor_name from token_entry", String.class);
        EventProcessingConfiguration secondProcessing = second.bean(EventProcessingConfiguration.class);
        assertThat(shared).isNotEmpty();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String processor : shared) {
                int segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                        Integer.class, processor);
                int here = claimed(processing, processor), there = claimed(secondProcessing, processor);
                assertThat(here + there).as(processor + " fully claimed").isEqualTo(segments);
                assertThat(here).as(processor + " on the first").isEqualTo((segments + 1) / 2);
                assertThat(there).as(processor + " on the second").isEqualTo(segments / 2);
                // each claims in a name of its own: two in one JVM once shared pid@host and both processed everything
                assertThat(jdbc.queryForObject("select count(distinct owner) from token_entry where processor_name = ?",
                        Integer.class, processor)).as(processor + " claim owners").isEqualTo(2);
            }
        });
        for (String processor : shared) {
            assertThat(meters.get("did.processor.segments.claimed").tag("processor", processor).gauge().value())
                    .isEqualTo(claimed(processing, processor));
            System.out.printf("%s: first instance %d segments, second %d%n", processor,
                    claimed(processing, processor), claimed(secondProcessing, processor));
        }
    }

    private static int claimed(EventProcessingConfiguration processing, String processor) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().size()).orElse(0);
    }

    /**
     * Both instances decide takes on one client at once: each loads the client's stream and appends, and one of two
     * that read the same version loses the race in the event store. The loser is decided again, never a 500.
     */
    @Test
    void concurrentTakesForOneClientThroughBothInstancesAllSucceed() throws Exception {
        String client = api.createClient("Busy Both Ways");
        String cp = api.activePackage(client, "Plenty", 1000, List.of());
        List<String> numbers = IntStream.range(0, CONCURRENT_TAKES).mapToObj(i -> freshNumber()).toList();
        numbers.forEach(number -> inventory.stock(number, ""));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i++) {
                int port = i % 2 == 0 ? firstPort : second.port();
                String number = numbers.get(i);
                answers.add(callers.submit(() -> http.send(takeRequest(port, client, number, cp),
                        HttpResponse.BodyHandlers.ofString())));
            }
            Map<Integer, Long> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
                statuses.merge(response.statusCode(), 1L, Long::sum);
                // taken (201), still pending (202), or refused for a real reason (409: on a loaded machine inventory's
                // stand-in may answer after the request's timeout, TIMEOUT); never a 500 for a lost race
                assertThat(response.statusCode()).as(response.body()).isIn(201, 202, 409);
                assertThat(response.body()).doesNotContain("Concurrency", "COMMAND_FAILED");
            }
            System.out.println("Concurrent takes through two instances, by status: " + statuses);
        } finally {
            callers.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%DidAssignmentRequested'", Long.class, client))
                .as("one request per take, however often its command was decided").isEqualTo(CONCURRENT_TAKES);
    }

    private HttpRequest takeRequest(int port, String client, String number, String cp) {
        String body = "{\"number\":\"%s\",\"clientPackageId\":\"%s\",\"destination\":\"%s\"}"
                .formatted(number, cp, DEST);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients/" + client + "/dids"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + gatewayToken("racer", AccessRules.OPERATOR))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void assertTakenPromptly(Api through, String client, String number, String cp) {
        long started = System.nanoTime();
        ResponseEntity<Map> took = through.take(client, number, cp, DEST);
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Take of %s answered %s in %d ms%n", number, took.getStatusCode(), answeredIn.toMillis());
        // a 201 is the decision itself: a take still undecided when the assignment wait ends is answered 202
        assertThat(took.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
