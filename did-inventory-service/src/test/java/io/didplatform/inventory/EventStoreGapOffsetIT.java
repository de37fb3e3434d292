package io.didplatform.inventory;

import io.didplatform.contracts.Topics;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.inventory.command.did.DidBatchCreator;
import io.didplatform.inventory.command.did.NewDid;
import io.didplatform.inventory.query.routing.RoutingTable;
import io.didplatform.support.axon.MessageContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transaction still open (well within {@code did.event-store.commit-within}) while a bulk import's worth of global
 * indexes, more than Axon's 10,000 (its {@code maxGapOffset}), is taken and committed above its own: when it commits,
 * its events must reach every projection, although the processors passed its indexes by that far meanwhile
 * (RELIABILITY.md, "Event-store gaps").
 */
class EventStoreGapOffsetIT extends InventoryITBase {
    private static final int INDEXES_ABOVE = 12_000;

    @Autowired
    DidBatchCreator creator;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RoutingTable routing;

    private final String prefix = "1" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);

    @Test
    void anEventCommittedAfterMoreThanTenThousandIndexesWereTakenAboveItReachesEveryProjection() throws Exception {
        String operator = api.createOperator("EventStoreGapOffsetIT " + prefix);
        try (TopicWatcher published = new TopicWatcher(Topics.DID_INVENTORY, json)) {
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<List<String>> held = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
                List<String> numbers = create(operator, "0", 5);
                appended.countDown();
                waitFor(commit);
                return numbers;
            }));
            assertThat(appended.await(60, TimeUnit.SECONDS)).isTrue();

            // what a bulk import appending that many events meanwhile does to the global index, without the wait
            jdbc.queryForObject("select setval('domain_event_entry_seq', nextval('domain_event_entry_seq') + ?)",
                    Long.class, INDEXES_ABOVE);
            List<String> above = transaction.execute(status -> create(operator, "1", 5));
            await().atMost(Duration.ofSeconds(30)).until(() -> viewed().containsAll(above));
            commit.countDown();
            List<String> heldNumbers = held.get(60, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(viewed()).as("in the DID view").containsAll(heldNumbers);
                assertThat(heldNumbers).as("routed").allSatisfy(number -> assertThat(routing.find(number)).isPresent());
                assertThat(published.subjects("did.DidCreated.v1")).as("published").containsAll(heldNumbers);
            });
        }
    }

    private List<String> create(String operator, String block, int count) {
        List<NewDid> dids = IntStream.range(0, count).mapToObj(i -> new NewDid(prefix + block + String.format("%02d", i),
                operator, DidStatus.IN_STOCK, null, "", "")).toList();
        return creator.create(dids, Map.of(MessageContext.ACTOR, TEST_USER)).created().stream()
                .map(NewDid::number).toList();
    }

    private Set<String> viewed() {
        return new HashSet<>(jdbc.queryForList("select number from did_view where number like ?", String.class,
                prefix + "%"));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
