package io.didplatform.audit.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.audit.AuditITBase;
import io.didplatform.audit.DidLifecycle;
import io.didplatform.audit.DidLifecycle.Published;
import io.didplatform.audit.query.AuditIngest.Received;
import io.didplatform.audit.query.chain.ChainVerifier;
import io.didplatform.audit.query.projection.Change;
import io.didplatform.audit.query.projection.EntityKind;
import io.didplatform.audit.query.projection.ProjectionRebuild;
import io.didplatform.contracts.Topics;
import io.didplatform.support.kafka.CloudEventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.didplatform.audit.DidLifecycle.HOLD;
import static io.didplatform.audit.DidLifecycle.min;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections give the same answers whatever the delivery: in order, every event twice, the topics
 * interleaved differently (a DidHeld arriving before the PackageDeactivated that caused it), batches written side
 * by side and the same batches written by two threads at once, and after a rebuild.
 */
class ProjectionDeterminismIT extends AuditITBase {
    @Autowired
    AuditIngest ingest;
    @Autowired
    EntityHistory history;
    @Autowired
    InventoryAsOf asOf;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    CloudEventCodec codec;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChainVerifier verifier;

    @Test
    void historyListsTheLifecycleInOrderWithChangesAndCauses() {
        DidLifecycle story = new DidLifecycle(codec);
        ingest.record(received(story.events));

        List<HistoryEntry> entries = history.of(EntityKind.DID, story.number, PageRequest.of(0, 100)).content();
        assertThat(entries).extracting(HistoryEntry::type).containsExactly("did.DidCreated.v1", "did.DidAssigned.v1",
                "did.DidHeld.v1", "did.DidRestored.v1", "did.DidHeld.v1", "did.DidReleased.v1", "did.DidDeleted.v1",
                "did.DidCreated.v1");
        HistoryEntry held = entries.get(2);
        assertThat(held.actor()).isEqualTo("admin");
        assertThat(held.at()).isEqualTo(min(10).plusSeconds(1));
        assertThat(held.changes()).containsEntry("status", new Change("ACTIVE", "HOLD"))
                .containsEntry("holdUntil", new Change(null, min(10).plus(HOLD).toString()))
                .containsEntry("holdReason", new Change(null, "PACKAGE_INACTIVE"));
        assertThat(held.causedBy()).isEqualTo(new HistoryEntry.CausedBy(story.event("PackageDeactivated").id(),
                "package.PackageDeactivated.v1"));
        assertThat(entries.get(1).changes()).containsEntry("status", new Change("IN_STOCK", "ACTIVE"))
                .containsEntry("clientId", new Change(null, story.clientId))
                .containsEntry("destination", new Change(null, "sip:a@pbx"));
        assertThat(entries.get(5).changes()).containsEntry("status", new Change("HOLD", "IN_STOCK"))
                .containsEntry("clientId", new Change(story.clientId, null));
        assertThat(entries.get(7).changes()).containsEntry("status", new Change(null, "RESERVED"))
                .containsEntry("notes", new Change(null, "back again"));

        assertThat(asOf.did(story.number, min(9)).orElseThrow())
                .extracting(DidSnapshot::status, DidSnapshot::clientId).containsExactly("ACTIVE", story.clientId);
        assertThat(asOf.did(story.number, min(15)).orElseThrow().status()).isEqualTo("HOLD");
        assertThat(asOf.did(story.number, min(30).plus(HOLD).plusSeconds(90))).isEmpty();
        assertThat(asOf.inventory(new InventoryFilter(min(9), null, null, null, story.clientId), PageRequest.of(0, 10))
                .content()).extracting(DidSnapshot::number).containsExactly(story.number);
    }

    @Test
    void duplicatedAndReorderedDeliveriesAndARebuildGiveIdenticalAnswers() {
        DidLifecycle story = new DidLifecycle(codec);
        ingest.record(received(story.events));
        Map<String, String> inOrder = answers(story);
        forget(story);

        // every inventory event first (holds before their causes), then clients, then packages; each twice
        List<Published> reordered = new ArrayList<>(story.events);
        reordered.sort(Comparator.comparing(e -> List.of(Topics.DID_INVENTORY, Topics.CLIENT, Topics.PACKAGE).indexOf(e.topic())));
        for (Published event : reordered) {
            ingest.record(received(List.of(event, event)));
        }
        ingest.record(received(story.events));
        assertThat(answers(story)).isEqualTo(inOrder);

        ProjectionRebuild.Report report = rebuild.rebuild();
        assertThat(report.identical()).isTrue();
        assertThat(report.after()).isEqualTo(report.before());
        assertThat(report.events()).isGreaterThanOrEqualTo(story.events.size());
        assertThat(answers(story)).isEqualTo(inOrder);
    }

    @Test
    void batchesWrittenSideBySideAndRedeliveredToASecondThreadGiveTheSameAnswers() throws Exception {
        List<DidLifecycle> stories = IntStream.range(0, 6).mapToObj(i -> new DidLifecycle(codec)).toList();
        stories.forEach(story -> ingest.record(received(story.events)));
        Map<String, Map<String, String>> oneAtATime = new LinkedHashMap<>();
        stories.forEach(story -> oneAtATime.put(story.number, answers(story)));
        stories.forEach(this::forget);

        // as the listener threads get them: each key's events in one of three partitions, in order; every partition
        // taken by two threads at once in small batches, as after a rebalance that hands a batch in progress to another
        Map<Integer, List<Published>> partitions = new TreeMap<>();
        stories.stream().flatMap(story -> story.events.stream()).forEach(event -> partitions.computeIfAbsent(
                Math.floorMod((event.topic() + event.key()).hashCode(), 3), p -> new ArrayList<>()).add(event));
        ExecutorService threads = Executors.newFixedThreadPool(2 * partitions.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (List<Published> partition : partitions.values()) {
                for (int copy = 0; copy < 2; copy++) {
                    done.add(threads.submit(() -> {
                        start.await();
                        for (int from = 0; from < partition.size(); from += 4) {
                            ingest.record(received(partition.subList(from, Math.min(from + 4, partition.size()))));
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> thread : done) {
                thread.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        stories.forEach(story -> assertThat(answers(story)).isEqualTo(oneAtATime.get(story.number)));
        // each stream chained once per event, in order, without a fork or a gap
        for (DidLifecycle story : stories) {
            for (String stream : streams(story)) {
                ChainVerifier.Report chain = verifier.stream(stream);
                assertThat(chain.firstMismatch()).as("chain of %s", stream).isNull();
                assertThat(chain.verified()).isEqualTo(story.events.stream().filter(e -> e.key().equals(stream)).count());
            }
        }
        assertThat(rebuild.rebuild().identical()).isTrue();
        stories.forEach(story -> assertThat(answers(story)).isEqualTo(oneAtATime.get(story.number)));
    }

    private List<Received> received(List<Published> events) {
        return events.stream().map(e -> new Received(codec.decode(e.cloudEvent()), e.topic())).toList();
    }

    /**
     * Removes the story's events, everything projected from them and their streams' chain heads, as if they had
     * never been received.
     */
    private void forget(DidLifecycle story) {
        List<String> ids = story.events.stream().map(Published::id).toList();
        String in = String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
        jdbc.update("delete from history_entry where event_id in (" + in + ")");
        jdbc.update("delete from audit_event where event_id in (" + in + ")");
        jdbc.update("delete from did_version where number = ?", story.number);
        jdbc.update("delete from entity_state where entity_id in (?, ?, ?, ?, ?)", (Object[]) streams(story));
        jdbc.update("delete from audit_stream where stream in (?, ?, ?, ?, ?)", (Object[]) streams(story));
    }

    /** The story's entities, each the subject of its events and so their stream in the audit chain. */
    private static String[] streams(DidLifecycle story) {
        return new String[]{story.number, story.operatorId, story.packageId, story.clientId, story.clientPackageId};
    }

    /** Every answer the audit gives about the story, as the JSON it would send. */
    private Map<String, String> answers(DidLifecycle story) {
        Map<String, Object> answers = new LinkedHashMap<>();
        Map<EntityKind, String> entities = Map.of(EntityKind.DID, story.number, EntityKind.OPERATOR, story.operatorId,
                EntityKind.PACKAGE, story.packageId, EntityKind.CLIENT, story.clientId,
                EntityKind.CLIENT_PACKAGE, story.clientPackageId);
        entities.forEach((kind, id) -> answers.put("history " + kind, history.of(kind, id, PageRequest.of(0, 100))));
        for (Instant at : List.of(min(5).plusSeconds(30), min(9), min(15), min(25), min(35), min(30).plus(HOLD).plusSeconds(90),
                min(30).plus(HOLD).plusSeconds(150))) {
            answers.put("did at " + at, asOf.did(story.number, at));
            answers.put("inventory at " + at, asOf.inventory(new InventoryFilter(at, null, story.operatorId, null, null),
                    PageRequest.of(0, 10)));
        }
        Map<String, String> serialised = new LinkedHashMap<>();
        answers.forEach((name, answer) -> {
            try {
                serialised.put(name, json.writeValueAsString(answer));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return serialised;
    }
}
