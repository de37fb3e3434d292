package io.didplatform.gateway;

import io.didplatform.contracts.HeldDid;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientDidsCheckTest {
    private static final HeldDid ACTIVE = new HeldDid("15550001", "client-a", "cp-a", "ACTIVE", "sip:a@pbx.test");
    private static final HeldDid HELD = new HeldDid("15550002", "client-a", "cp-a", "HOLD", "sip:b@pbx.test");

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
        assertThat(differing.get("15550001").detail()).contains("sip:a@pbx.test", "sip:changed@pbx.test");
        assertThat(differing.get("15550002").kind()).isEqualTo("MISSING_IN_CLIENT_DIDS");
        assertThat(differing.get("15550003").kind()).isEqualTo("NOT_HELD_IN_INVENTORY");
        assertThat(differing.get("15550004").kind()).isEqualTo("HELD_TWICE_IN_CLIENT_DIDS");
        assertThat(ClientDidsCheck.compare(List.of(ACTIVE, HELD), List.of(HELD, ACTIVE))).isEmpty();
    }

    @Test
    void aNumberThatAgreesInALaterReadWasOnItsWayAndIsNoDifference() {
        // inventory shows both held; client-service has seen neither yet, then the first arrives
        Iterator<List<HeldDid>> clientDids = List.of(List.<HeldDid>of(), List.of(ACTIVE)).iterator();
        ClientDidsCheck check = new ClientDidsCheck(service -> Mono.just(
                service.equals(ClientDidsCheck.INVENTORY) ? List.of(ACTIVE, HELD) : clientDids.next()),
                Clock.systemUTC());

        ClientDidsCheck.Outcome outcome = check.run(Duration.ofSeconds(1)).block(Duration.ofSeconds(30));

        assertThat(outcome.differing()).containsOnlyKeys("15550002");
        assertThat(outcome.figures()).containsEntry("reads", 2L).containsEntry("settledWhileChecked", 1L)
                .containsEntry("heldInInventory", 2L).containsEntry("heldInClientDids", 1L);
    }

    @Test
    void cleanAtTheFirstReadReadsOnce() {
        ClientDidsCheck check = new ClientDidsCheck(service -> Mono.just(List.of(ACTIVE)), Clock.systemUTC());

        ClientDidsCheck.Outcome outcome = check.run(Duration.ofSeconds(30)).block(Duration.ofSeconds(5));

        assertThat(outcome.differing()).isEmpty();
        assertThat(outcome.reads()).isEqualTo(1);
    }
}
