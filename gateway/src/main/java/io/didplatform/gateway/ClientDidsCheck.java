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

/**
 * {@code client-dids-vs-inventory}: the DIDs each client holds as inventory's DID view shows them against
 * client-service's client DIDs, which follow inventory's topic. The two read models live in two services with no
 * common position to read them at, so a number that differs is read again every {@link #RE_READ} and counts as a
 * difference only when it differed in every read for the whole settle time: a change still on its way from one
 * service to the other settles within it, a wrong row does not. Each read walks both services' pages side by side in
 * number order, so the memory it takes is a page and the differences, whatever the number of held DIDs.
 */
final class ClientDidsCheck {
    static final String NAME = "client-dids-vs-inventory";
    static final String INVENTORY = "inventory";
    static final String CLIENTS = "clients";
    static final int PAGE = 10_000;
    /** Beyond this many differing numbers the rest are counted, not read again: the views are far apart anyway. */
    static final int MAX_TRACKED = 100_000;
    private static final Duration RE_READ = Duration.ofSeconds(2);

    private final Pages pages;
    private final Clock clock;

    /** A service's {@code /api/admin/<service>/reconciliation/client-dids?after=&through=&limit=}. */
    interface Pages {
        Mono<List<HeldDid>> page(String service, String after, String through, int limit);
    }

    ClientDidsCheck(Pages pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    /** What differs in one read, by number. */
    record Difference(String kind, String detail) {
    }

    /**
     * Numbers that differed in every read so far, with their latest difference ({@code untracked}: more differing
     * numbers than {@link #MAX_TRACKED} in the latest read), and what the reads saw.
     */
    record Outcome(Map<String, Difference> differing, long untracked, long differingAtFirstRead,
                   long heldInInventory, long heldInClientDids, int reads) {
        Outcome narrowedBy(Outcome next) {
            Map<String, Difference> still = new TreeMap<>(next.differing);
            still.keySet().retainAll(differing.keySet());
            return new Outcome(still, next.untracked, differingAtFirstRead, next.heldInInventory,
                    next.heldInClientDids, reads + 1);
        }

        long differenceCount() {
            return differing.size() + untracked;
        }

        Map<String, Long> figures() {
            return Map.of("heldInInventory", heldInInventory, "heldInClientDids", heldInClientDids,
                    "reads", (long) reads, "settledWhileChecked", differingAtFirstRead - differenceCount());
        }
    }

    Mono<Outcome> run(Duration settle) {
        Instant deadline = clock.instant().plus(settle);
        return read().flatMap(first -> narrow(first, deadline));
    }

    private Mono<Outcome> narrow(Outcome outcome, Instant deadline) {
        if (outcome.differing().isEmpty() || outcome.untracked() > 0 || !clock.instant().isBefore(deadline)) {
            return Mono.just(outcome);
        }
        return Mono.delay(RE_READ).then(read()).map(outcome::narrowedBy).flatMap(next -> narrow(next, deadline));
    }

    private Mono<Outcome> read() {
        return readAfter(null, new Tally()).map(Tally::outcome);
    }

    /** Inventory's next page after {@code after}, beside every client DID in the same numbers. */
    private Mono<Tally> readAfter(String after, Tally tally) {
        return pages.page(INVENTORY, after, null, PAGE).flatMap(inventory -> {
            String through = inventory.size() < PAGE ? null : inventory.get(inventory.size() - 1).number();
            return clientDids(after, through, new ArrayList<>()).flatMap(clientDids -> {
                tally.add(compare(inventory, clientDids), inventory.size(), clientDids.size());
                return through == null ? Mono.just(tally) : readAfter(through, tally);
            });
        });
    }

    private Mono<List<HeldDid>> clientDids(String after, String through, List<HeldDid> collected) {
        return pages.page(CLIENTS, after, through, PAGE).flatMap(page -> {
            collected.addAll(page);
            return page.size() < PAGE ? Mono.just(collected)
                    : clientDids(page.get(page.size() - 1).number(), through, collected);
        });
    }

    /** One read's differences, the first {@link #MAX_TRACKED} kept, and its counts. */
    private static final class Tally {
        private final Map<String, Difference> differing = new TreeMap<>();
        private long untracked;
        private long heldInInventory;
        private long heldInClientDids;

        void add(Map<String, Difference> page, int inventory, int clientDids) {
            page.forEach((number, difference) -> {
                if (differing.size() < MAX_TRACKED) {
                    differing.put(number, difference);
                } else {
                    untracked++;
                }
            });
            heldInInventory += inventory;
            heldInClientDids += clientDids;
        }

        Outcome outcome() {
            long count = differing.size() + untracked;
            return new Outcome(differing, untracked, count, heldInInventory, heldInClientDids, 1);
        }
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
