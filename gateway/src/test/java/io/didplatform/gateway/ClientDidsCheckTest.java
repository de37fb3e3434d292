package io.didplatform.gateway;

import io.didplatform.contracts.HeldDid;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ClientDidsCheckTest {
    private static final HeldDid ACTIVE = held("15550001", "ACTIVE");
    private static final HeldDid HELD = held("15550002", "HOLD");

    @Test
    void namesEachNumberTheTwoServicesShowOtherwise() {
        HeldDid otherDestination = new HeldDid("15550001", "client-a", "cp-a", "ACTIVE", "sip:changed@pbx.test");
        HeldDid onlyInClientDids = new HeldDid("15550003", "client-b", "cp-b", "ACTIVE", "sip:c@pbx.test");
        HeldDid twice = new HeldDid("15550004", "client-b", "cp-b", "ACTIVE", "sip:d@pbx.test");
        HeldDid twiceOther = new HeldDid("15550004", "client-c", "cp-c", "ACTIVE", "sip:d@pbx.test");

        Map<String, ClientDidsCheck.Difference> differing = ClientDidsCheck.compare(
                List.of(ACTIVE, HELD, twice), List.of(otherDestination, onlyInClientDids, twice, twiceOther));

        assertThat(differing).containsOnlyKeys("15550001", "15550002", "15550003", "15550004");
        assertThat(differing.get("15550001").kind()).isEqualTo("CLIENT_DID_DIFFERS");
        assertThat(differing.get("15550001").detail()).contains("sip:15550001@pbx.test", "sip:changed@pbx.test");
        assertThat(differing.get("15550002").kind()).isEqualTo("MISSING_IN_CLIENT_DIDS");
        assertThat(differing.get("15550003").kind()).isEqualTo("NOT_HELD_IN_INVENTORY");
        assertThat(differing.get("15550004").kind()).isEqualTo("HELD_TWICE_IN_CLIENT_DIDS");
        assertThat(ClientDidsCheck.compare(List.of(ACTIVE, HELD), List.of(HELD, ACTIVE))).isEmpty();
    }

    @Test
    void aNumberThatAgreesInALaterReadWasOnItsWayAndIsNoDifference() {
        // inventory shows both held; client-service has seen neither yet, then the first arrives
        Iterator<List<HeldDid>> reads = List.of(List.<HeldDid>of(), List.of(ACTIVE)).iterator();
        List<HeldDid>[] clientDids = new List[1];
        ClientDidsCheck check = new ClientDidsCheck(pages(() -> List.of(ACTIVE, HELD), () -> clientDids[0],
                () -> clientDids[0] = reads.next()), Clock.systemUTC());

        ClientDidsCheck.Outcome outcome = check.run(Duration.ofSeconds(1)).block(Duration.ofSeconds(30));

        assertThat(outcome.differing()).containsOnlyKeys("15550002");
        assertThat(outcome.figures()).containsEntry("reads", 2L).containsEntry("settledWhileChecked", 1L)
                .containsEntry("heldInInventory", 2L).containsEntry("heldInClientDids", 1L);
    }

    @Test
    void walksBothServicesPageByPageAndFindsDifferencesOnEveryPage() {
        List<HeldDid> inventory = IntStream.range(0, 2 * ClientDidsCheck.PAGE + 500)
                .mapToObj(i -> held(String.valueOf(15_000_000 + 2 * i), "ACTIVE")).toList();
        List<HeldDid> clientDids = new ArrayList<>(inventory);
        HeldDid firstPage = clientDids.remove(17);
        HeldDid lastPage = clientDids.remove(2 * ClientDidsCheck.PAGE + 400);
        HeldDid betweenPages = held(String.valueOf(15_000_000 + 2 * ClientDidsCheck.PAGE - 1), "ACTIVE");
        clientDids.add(betweenPages);
        AtomicInteger asked = new AtomicInteger();
        ClientDidsCheck check = new ClientDidsCheck(pages(() -> inventory, () -> clientDids, asked::incrementAndGet),
                Clock.systemUTC());

        ClientDidsCheck.Outcome outcome = check.run(Duration.ZERO).block(Duration.ofSeconds(30));

        assertThat(outcome.differing()).containsOnlyKeys(firstPage.number(), lastPage.number(), betweenPages.number());
        assertThat(outcome.differing().get(betweenPages.number()).kind()).isEqualTo("NOT_HELD_IN_INVENTORY");
        assertThat(outcome.figures()).containsEntry("heldInInventory", (long) inventory.size())
                .containsEntry("heldInClientDids", (long) clientDids.size());
        assertThat(asked.get()).isEqualTo(1);
    }

    @Test
    void cleanAtTheFirstReadReadsOnce() {
        ClientDidsCheck check = new ClientDidsCheck(pages(() -> List.of(ACTIVE), () -> List.of(ACTIVE), () -> {
        }), Clock.systemUTC());

        ClientDidsCheck.Outcome outcome = check.run(Duration.ofSeconds(30)).block(Duration.ofSeconds(5));

        assertThat(outcome.differing()).isEmpty();
        assertThat(outcome.reads()).isEqualTo(1);
    }

    private static HeldDid held(String number, String status) {
        return new HeldDid(number, "client-a", "cp-a", status, "sip:" + number + "@pbx.test");
    }

    /** Keyset pages over each service's rows, as the services answer them; {@code newRead} runs at each read. */
    private static ClientDidsCheck.Pages pages(Supplier<List<HeldDid>> inventory, Supplier<List<HeldDid>> clientDids,
                                               Runnable newRead) {
        return (service, after, through, limit) -> {
            boolean inventorysFirstPage = service.equals(ClientDidsCheck.INVENTORY) && after == null;
            if (inventorysFirstPage) {
                newRead.run();
            }
            List<HeldDid> rows = service.equals(ClientDidsCheck.INVENTORY) ? inventory.get() : clientDids.get();
            return Mono.just(rows.stream()
                    .filter(did -> after == null || did.number().compareTo(after) > 0)
                    .filter(did -> through == null || did.number().compareTo(through) <= 0)
                    .sorted(Comparator.comparing(HeldDid::number)).limit(limit).toList());
        };
    }
}
