package io.didplatform.gateway;

import io.didplatform.contracts.HeldDid;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code client-dids-vs-inventory}: the DIDs each client holds as inventory's DID view shows them against
 * client-service's client DIDs, which follow inventory's topic. The two read models live in two services with no
 * common position to read them at, so a number that differs is read again every {@link #RE_READ} and counts as a
 * difference only when it differed in every read for the whole settle time: a change still on its way from one
 * service to the other settles within it, a wrong row does not.
 */
final class ClientDidsCheck {
    static final String NAME = "client-dids-vs-inventory";
    static final String INVENTORY = "inventory";
    static final String CLIENTS = "clients";
    private static final Duration RE_READ = Duration.ofSeconds(2);

    private final Function<String, Mono<List<HeldDid>>> heldDidsOf;
    private final Clock clock;

    /** {@code heldDidsOf}: a service's answer of {@code /api/admin/<service>/reconciliation/client-dids}. */
    ClientDidsCheck(Function<String, Mono<List<HeldDid>>> heldDidsOf, Clock clock) {
        this.heldDidsOf = heldDidsOf;
        this.clock = clock;
    }

    /** What differs in one read, by number. */
    record Difference(String kind, String detail) {
    }

    /** Numbers that differed in every read so far, with their latest difference, and what the reads saw. */
    record Outcome(Map<String, Difference> differing, int differingAtFirstRead, long heldInInventory,
                   long heldInClientDids, int reads) {
        Outcome narrowedBy(Outcome next) {
            Map<String, Difference> still = new TreeMap<>(next.differing);
            still.keySet().retainAll(differing.keySet());
            return new Outcome(still, differingAtFirstRead, next.heldInInventory, next.heldInClientDids, reads + 1);
        }

        Map<String, Long> figures() {
            return Map.of("heldInInventory", heldInInventory, "heldInClientDids", heldInClientDids,
                    "reads", (long) reads, "settledWhileChecked", (long) differingAtFirstRead - differing.size());
        }
    }

    Mono<Outcome> run(Duration settle) {
        Instant deadline = clock.instant().plus(settle);
        return read().flatMap(first -> narrow(first, deadline));
    }

    private Mono<Outcome> narrow(Outcome outcome, Instant deadline) {
        if (outcome.differing().isEmpty() || !clock.instant().isBefore(deadline)) {
            return Mono.just(outcome);
        }
        return Mono.delay(RE_READ).then(read()).map(outcome::narrowedBy).flatMap(next -> narrow(next, deadline));
    }

    private Mono<Outcome> read() {
        return Mono.zip(heldDidsOf.apply(INVENTORY), heldDidsOf.apply(CLIENTS)).map(both -> {
            Map<String, Difference> differing = compare(both.getT1(), both.getT2());
            return new Outcome(differing, differing.size(), both.getT1().size(), both.getT2().size(), 1);
        });
    }

    static Map<String, Difference> compare(List<HeldDid> inventory, List<HeldDid> clientDids) {
        Map<String, HeldDid> held = new HashMap<>();
        inventory.forEach(did -> held.put(did.number(), did));
        Map<String, List<HeldDid>> listed = new HashMap<>();
        clientDids.forEach(did -> listed.computeIfAbsent(did.number(), number -> new ArrayList<>()).add(did));
        Set<String> numbers = new TreeSet<>(held.keySet());
        numbers.addAll(listed.keySet());
        Map<String, Difference> differing = new TreeMap<>();
        for (String number : numbers) {
            HeldDid inInventory = held.get(number);
            List<HeldDid> inClientDids = listed.getOrDefault(number, List.of());
            if (inClientDids.size() > 1) {
                differing.put(number, new Difference("HELD_TWICE_IN_CLIENT_DIDS", "client-service lists " + number
                        + " for " + inClientDids.size() + " clients: " + inClientDids.stream().map(ClientDidsCheck::describe)
                        .toList() + "; inventory: " + describe(inInventory)));
            } else if (inClientDids.isEmpty()) {
                differing.put(number, new Difference("MISSING_IN_CLIENT_DIDS", "inventory's DID view: "
                        + describe(inInventory) + "; client-service's client DIDs do not list it"));
            } else if (inInventory == null) {
                differing.put(number, new Difference("NOT_HELD_IN_INVENTORY", "client-service's client DIDs: "
                        + describe(inClientDids.get(0)) + "; inventory's DID view: no client holds it"));
            } else if (!inInventory.equals(inClientDids.get(0))) {
                differing.put(number, new Difference("CLIENT_DID_DIFFERS", "inventory's DID view: "
                        + describe(inInventory) + "; client-service's client DIDs: " + describe(inClientDids.get(0))));
            }
        }
        return differing;
    }

    private static String describe(HeldDid did) {
        return did == null ? "no client" : "client " + did.clientId() + ", client package " + did.clientPackageId()
                + ", " + did.status() + ", destination " + did.destination();
    }
}
