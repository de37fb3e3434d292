package io.didplatform.system;

import io.didplatform.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.didplatform.system.Scenarios.EVENTUALLY;
import static io.didplatform.system.Scenarios.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reliability scenario "race" (reliability/run): two clients, each with an active client package allowing it, take
 * the same DID at the same moment through the gateway, for many DIDs. For every DID exactly one take wins (201, or
 * 202 then CONFIRMED) and the other is refused (409 with a code, or 202 then FAILED); the inventory topic carries
 * exactly one DidAssigned per DID; both clients' DID read models agree with the winners; the reconciliation is clean.
 * <p>
 * {@code --quick}: 50 pairs, else 10,000 (the size); one line to {@code target/reliability/race.tsv}.
 */
class RaceScenario {
    private static final int PAIRS = Scenarios.QUICK ? 50 : 10_000;
    /** Pairs raced at once. */
    private static final int PARALLEL_PAIRS = 4;
    private static final List<String> SERVICES =
            List.of("did-inventory-service", "client-service", "package-service", "audit-service");

    private final RunningPlatform platform = RunningPlatform.get();
    private final Api admin = new Api(platform.gatewayUrl(), "admin", "admin");

    @Test
    void everyContendedDidHasExactlyOneWinner() throws Exception {
        String prefix = "1777" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        // two more than raced: each client's first take, before the race, waits until the client package is known
        List<String> numbers = IntStream.range(0, PAIRS + 2).mapToObj(i -> prefix + "%05d".formatted(i)).toList();
        String operatorId = created(admin.post("/api/operators", Map.of("name", "Race " + prefix)));
        Scenarios.createRange(admin, operatorId, numbers.get(0), numbers.get(numbers.size() - 1));
        String packageId = created(admin.post("/api/packages", Map.of("name", "Race " + prefix, "didLimit", PAIRS + 1)));
        Client first = client(prefix, "A", packageId, numbers.get(PAIRS));
        Client second = client(prefix, "B", packageId, numbers.get(PAIRS + 1));
        List<String> raced = numbers.subList(0, PAIRS);

        long started = System.nanoTime();
        List<String> winners = race(raced, first, second);
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Set<String>> assigned = Scenarios.eventsOnTheTopic(Topics.DID_INVENTORY, "did.DidAssigned",
                Set.copyOf(raced));
        long won = winners.stream().filter(winner -> !winner.equals("none") && !winner.equals("both")).count();
        long duplicates = winners.stream().filter("both"::equals).count()
                + assigned.values().stream().filter(events -> events.size() > 1).count();
        long lost = winners.stream().filter("none"::equals).count() + (PAIRS - assigned.size());
        for (int i = 0; i < PAIRS; i++) {
            String number = raced.get(i);
            String winner = winners.get(i);
            if (winner.equals(first.id()) || winner.equals(second.id())) {
                String loser = winner.equals(first.id()) ? second.id() : first.id();
                await().atMost(EVENTUALLY).untilAsserted(() -> {
                    assertThat(admin.get("/api/clients/" + winner + "/dids/" + number).text("status"))
                            .as(number + " of its winner").isEqualTo("ACTIVE");
                    assertThat(admin.get("/api/clients/" + loser + "/dids/" + number).status())
                            .as(number + " of its loser").isEqualTo(404);
                });
            }
        }
        Scenarios.awaitSettled(platform, admin, SERVICES);
        String line = Scenarios.line("race", 1, PAIRS, lost, duplicates, "-", "-");
        Scenarios.record("race", List.of(line));
        System.out.printf("race: runs 1, pairs %d, winners %d, duplicates %d, lost %d (raced in %.1f s)%n",
                PAIRS, won, duplicates, lost, seconds);
        assertThat(duplicates).as("DIDs taken twice").isZero();
        assertThat(lost).as("DIDs taken by neither").isZero();
        assertThat(won).isEqualTo(PAIRS);
    }

    private record Client(String id, String clientPackageId) {
    }

    /** A client with an ACTIVE client package of {@code packageId}, known to client-service: it took {@code warmUp}. */
    private Client client(String prefix, String name, String packageId, String warmUp) {
        String clientId = created(admin.post("/api/clients", Map.of("name", "Race " + prefix + " " + name,
                "email", "noc@race.test")));
        String[] clientPackageId = {null};
        // package-service learns of the client from client.events, client-service of the client package likewise
        await().atMost(EVENTUALLY).untilAsserted(() -> clientPackageId[0] = created(admin.post("/api/client-packages",
                Map.of("clientId", clientId, "packageId", packageId))));
        Client client = new Client(clientId, clientPackageId[0]);
        await().atMost(EVENTUALLY).until(() -> !take(client, warmUp).equals("retry"));
        return client;
    }

    /** Races every pair; answers, by DID, the winning client's id, "none" or "both". */
    private List<String> race(List<String> numbers, Client first, Client second) throws Exception {
        ExecutorService takers = Executors.newFixedThreadPool(2 * PARALLEL_PAIRS);
        try {
            List<Future<String>> takes = new ArrayList<>();
            for (String number : numbers) {
                CyclicBarrier together = new CyclicBarrier(2);
                takes.add(takers.submit(() -> raced(together, first, number)));
                takes.add(takers.submit(() -> raced(together, second, number)));
            }
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < takes.size(); i += 2) {
                String a = takes.get(i).get(EVENTUALLY.toMinutes(), TimeUnit.MINUTES);
                String b = takes.get(i + 1).get(EVENTUALLY.toMinutes(), TimeUnit.MINUTES);
                assertThat(List.of(a, b)).as(numbers.get(i / 2) + ": a take neither won nor was refused")
                        .allMatch(outcome -> outcome.equals("won") || outcome.equals("refused"));
                winners.add(a.equals(b) ? (a.equals("won") ? "both" : "none")
                        : a.equals("won") ? first.id() : second.id());
            }
            return winners;
        } finally {
            takers.shutdownNow();
        }
    }

    private String raced(CyclicBarrier together, Client client, String number) throws Exception {
        together.await(EVENTUALLY.toMinutes(), TimeUnit.MINUTES);
        return take(client, number);
    }

    /**
     * One take: "won" (201, or 202 and the request CONFIRMED), "refused" (409 with a code, or the request FAILED),
     * "retry" (client-service does not know the client package yet), else the answer itself.
     */
    private String take(Client client, String number) {
        String takes = "/api/clients/" + client.id() + "/dids";
        Api.Response response = admin.post(takes, Map.of("number", number, "clientPackageId",
                client.clientPackageId(), "destination", "sip:" + number + "@pbx.race.test"));
        if (response.status() == 201) {
            return "won";
        }
        if (response.status() == 202) {
            String request = takes + "/requests/" + response.text("requestId");
            await().atMost(EVENTUALLY).until(() -> !"PENDING".equals(admin.get(request).text("status")));
            return "CONFIRMED".equals(admin.get(request).text("status")) ? "won" : "refused";
        }
        if (List.of("PACKAGE_INACTIVE", "UNKNOWN_CLIENT_PACKAGE").contains(response.text("code"))) {
            return "retry";
        }
        return response.status() == 409 && !response.text("code").isBlank() ? "refused"
                : response.status() + " " + response.body();
    }
}
