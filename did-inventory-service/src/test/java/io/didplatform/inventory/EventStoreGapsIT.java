package io.didplatform.inventory;

import io.didplatform.contracts.Topics;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.inventory.command.did.DidBatchCreator;
import io.didplatform.inventory.command.did.NewDid;
import io.didplatform.inventory.query.routing.RoutingTable;
import io.didplatform.support.axon.MessageContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gaps in the event store's global index (RELIABILITY.md, "Event-store gaps"): writers append DIDs' first events
 * at once, through the bulk path's {@link DidBatchCreator}; some of their transactions roll back (their indexes stay
 * gaps for good), and one takes its indexes and stays open, uncommitted, longer than the processors' gap timeout
 * (shortened here to seconds). A processor that gave that gap up before the event came would skip it forever.
 * Every event committed must reach the DID view, the routing table and the topic.
 */
@TestPropertySource(properties = {"did.event-store.gap-timeout=PT5S", "did.event-store.commit-within=PT2S"})
class EventStoreGapsIT extends InventoryITBase {
    private static final Duration HOLD = Duration.ofSeconds(9);
    private static final int WRITERS = 3;
    private static final int BATCH = 20;
    /** Axon cleans a token's gaps only once it holds more than 250 of them: the rolled-back DIDs make sure it does. */
    private static final int ROLLED_BACK_BATCH = 60;

    @Autowired
    DidBatchCreator creator;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RoutingTable routing;

    private final String prefix = "1" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    private final AtomicInteger numbers = new AtomicInteger();
    private final Set<String> rolledBack = ConcurrentHashMap.newKeySet();
    private final List<Exception> failures = new CopyOnWriteArrayList<>();
    private String operator;

    @Test
    void noProjectionMissesAnEventCommittedAfterConcurrentRollbacksAndATransactionHeldPastTheGapTimeout()
            throws Exception {
        operator = api.createOperator("EventStoreGapsIT " + prefix);
        ScheduledExecutorService writers = Executors.newScheduledThreadPool(WRITERS + 1);
        try (TopicWatcher published = new TopicWatcher(Topics.DID_INVENTORY, json)) {
            // a steady pace, not as fast as possible: gaps far below the newest event are EventStoreGapOffsetIT's
            for (int i = 0; i < WRITERS; i++) {
                writers.scheduleWithFixedDelay(failuresKept(() -> transaction.executeWithoutResult(status ->
                        create(BATCH))), 0, 200, TimeUnit.MILLISECONDS);
            }
            writers.scheduleWithFixedDelay(failuresKept(() -> transaction.executeWithoutResult(status -> {
                create(ROLLED_BACK_BATCH).forEach(did -> rolledBack.add(did.number()));
                status.setRollbackOnly();
            })), 0, 500, TimeUnit.MILLISECONDS);
            await().until(() -> numbers.get() > 10 * BATCH);

            List<NewDid> held = new ArrayList<>();
            long heldFor = System.nanoTime();
            String heldOutcome;
            try {
                transaction.executeWithoutResult(status -> {
                    held.addAll(create(BATCH));
                    pause(HOLD);
                });
                heldOutcome = "committed";
            } catch (RuntimeException refused) {
                heldOutcome = "rolled back: " + refused;
            }
            heldFor = System.nanoTime() - heldFor;
            // more events after the held commit: a processor moves its token past it only when there is work
            int written = numbers.get();
            await().until(() -> numbers.get() > written + 10 * BATCH);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).isEmpty();

            Set<String> committed = new HashSet<>(jdbc.queryForList(
                    "select aggregate_identifier from domain_event_entry where aggregate_identifier like ?",
                    String.class, prefix + "%"));
            assertThat(committed).doesNotContainAnyElementsOf(rolledBack);
            Set<String> heldNumbers = held.stream().map(NewDid::number).collect(Collectors.toSet());
            System.out.printf("event-store gaps: %d DIDs committed, %d rolled back, %d held open %.1f s"
                            + " (gap timeout 5 s) and %s%n", committed.size(), rolledBack.size(), heldNumbers.size(),
                    heldFor / 1e9, heldOutcome);
            if (heldOutcome.equals("committed")) {
                assertThat(committed).containsAll(heldNumbers);
            } else {
                assertThat(committed).doesNotContainAnyElementsOf(heldNumbers);
            }

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Set<String> viewed = new HashSet<>(jdbc.queryForList(
                        "select number from did_view where number like ?", String.class, prefix + "%"));
                assertThat(missing(committed, viewed)).as("committed, not in the DID view").isEmpty();
                assertThat(committed.stream().filter(number -> routing.find(number).isEmpty()))
                        .as("committed, not routed").isEmpty();
                assertThat(missing(committed, published.subjects("did.DidCreated.v1")))
                        .as("committed, not published").isEmpty();
            });
        } finally {
            writers.shutdownNow();
        }
    }

    /** A scheduled task that throws is not run again, silently: keep what it threw for the test to fail on. */
    private Runnable failuresKept(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                failures.add(e);
                throw e;
            }
        };
    }

    /** Creates the next {@code count} DIDs of this test's range in the caller's transaction. */
    private List<NewDid> create(int count) {
        List<NewDid> batch = IntStream.range(0, count).mapToObj(i -> new NewDid(
                prefix + String.format("%05d", numbers.getAndIncrement()), operator, DidStatus.IN_STOCK, null, "", ""))
                .toList();
        return creator.create(batch, Map.of(MessageContext.ACTOR, TEST_USER)).created();
    }

    private static Set<String> missing(Set<String> expected, Set<String> seen) {
        return expected.stream().filter(number -> !seen.contains(number)).collect(Collectors.toSet());
    }

    /** The held transaction's whole point is to stay open this long: there is no condition to wait on. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
