package io.didplatform.inventory.query.routing;

import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.inventory.query.did.DidInventoryProjection;
import io.didplatform.support.axon.ProcessorPositions;
import io.didplatform.support.reconcile.CheckResult;
import io.didplatform.support.reconcile.Differences;
import io.didplatform.support.reconcile.ReconciliationCheck;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * This instance's routing table against the DID view in PostgreSQL: every number the view holds routes as its row
 * says (status and destination), and the table routes no number the view lacks.
 * <p>
 * The two follow the event store each at its own pace, so the view is read in one repeatable-read snapshot with
 * its processor's position, and the check first waits until this instance's routing processor has passed that
 * position. A number that still disagrees then is a difference unless it has an event the snapshot's position does
 * not cover (changed while the check ran, or a segment of the view's processor that has not stored its position
 * yet): such numbers are looked at again in new snapshots until they are quiet; those still changing when the
 * time is up are counted ({@code changedDuringCheck}), not differences.
 */
@Component
class RoutingTableCheck implements ReconciliationCheck {
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
    private static final int BATCH = 1_000;

    private final RoutingTable table;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final ProcessorPositions positions;
    private final EventProcessingConfiguration processing;

    RoutingTableCheck(RoutingTable table, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                      ProcessorPositions positions, EventProcessingConfiguration processing) {
        this.table = table;
        // the view is streamed, not held by the driver
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(10_000);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.positions = positions;
        this.processing = processing;
    }

    @Override
    public String name() {
        return "routing-table-vs-did-view";
    }

    private record Disagreement(String kind, String number, String detail) {
    }

    /** A DID view row's routing part. */
    private record Row(DidStatus status, String destination) {
    }

    @Override
    public CheckResult run(int limit) {
        Differences differences = new Differences(name(), limit);
        long[] rows = {0};
        List<Disagreement> inFlight = inSnapshot(view -> {
            List<Disagreement> found = new ArrayList<>();
            jdbc.query("select number, status, destination from did_view", (RowCallbackHandler) row -> {
                rows[0]++;
                compare(row.getString(1), new Row(DidStatus.valueOf(row.getString(2)), row.getString(3)), found);
            });
            routedButNotInView(found);
            return settled(found, view, differences);
        });
        // a number changed while the check ran is looked at again until it is quiet, or the time is up
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            pause();
            List<String> numbers = inFlight.stream().map(Disagreement::number).toList();
            inFlight = inSnapshot(view -> {
                List<Disagreement> found = new ArrayList<>();
                numbers.forEach(number -> compare(number, jdbc.query(
                        "select status, destination from did_view where number = ?", (row, n) -> new Row(
                                DidStatus.valueOf(row.getString(1)), row.getString(2)), number).stream()
                        .findFirst().orElse(null), found));
                return settled(found, view, differences);
            });
        }
        differences.figure("viewRows", rows[0]);
        differences.figure("routes", table.size());
        differences.figure("changedDuringCheck", inFlight.size());
        return differences.result();
    }

    /**
     * Runs {@code work} in one repeatable-read snapshot of the DID view, with the view's position in the stream,
     * once this instance's routing processor has passed that position.
     */
    private List<Disagreement> inSnapshot(Function<TrackingToken, List<Disagreement>> work) {
        return snapshot.execute(status -> {
            TrackingToken view = positions.lowest(jdbc, DidInventoryProjection.PROCESSING_GROUP);
            awaitRoutingPast(view);
            return work.apply(view);
        });
    }

    /** Adds the disagreements that are differences; answers those about numbers changed after {@code view}. */
    private List<Disagreement> settled(List<Disagreement> found, TrackingToken view, Differences differences) {
        List<Disagreement> inFlight = new ArrayList<>();
        for (Disagreement disagreement : found) {
            if (changedAfter(disagreement.number(), view)) {
                inFlight.add(disagreement);
            } else {
                differences.add(disagreement.kind(), List.of(disagreement.number()), disagreement.detail());
            }
        }
        return inFlight;
    }

    /** {@code row} null: the view has no row for the number. */
    private void compare(String number, Row row, List<Disagreement> found) {
        Route route = table.stored(number).orElse(null);
        if (row == null) {
            if (route != null) {
                found.add(new Disagreement("ROUTE_UNKNOWN", number, "this instance's routing table routes " + number
                        + " (" + describe(route.status(), route.destination()) + ") but the DID view has no such DID"));
            }
        } else if (route == null) {
            found.add(new Disagreement("ROUTE_MISSING", number, "the DID view has " + number + " (" + row.status()
                    + ") but this instance's routing table does not route it"));
        } else if (route.status() != row.status() || !Objects.equals(route.destination(), row.destination())) {
            found.add(new Disagreement("ROUTE_DIFFERS", number, "routing table: " + describe(route.status(),
                    route.destination()) + "; DID view: " + describe(row.status(), row.destination())));
        }
    }

    /** Numbers in the table, a batch at a time, that the view (in the same snapshot) has no row for. */
    private void routedButNotInView(List<Disagreement> found) {
        List<String> batch = new ArrayList<>(BATCH);
        for (String number : table.numbers()) {
            batch.add(number);
            if (batch.size() == BATCH) {
                notInView(batch, found);
                batch.clear();
            }
        }
        notInView(batch, found);
    }

    private void notInView(Collection<String> numbers, List<Disagreement> found) {
        if (numbers.isEmpty()) {
            return;
        }
        Set<String> missing = new HashSet<>(numbers);
        missing.removeAll(jdbc.queryForList("select number from did_view where number = any(?)", String.class,
                (Object) numbers.toArray(String[]::new)));
        missing.forEach(number -> compare(number, null, found));
    }

    /** Whether the number has a stored event beyond what the view's position covers. */
    private boolean changedAfter(String number, TrackingToken view) {
        return jdbc.queryForList("select global_index from domain_event_entry where aggregate_identifier = ?",
                Long.class, number).stream().anyMatch(index -> !ProcessorPositions.hasHandled(view, index));
    }

    /** Until this instance's routing processor has handled every event the view's position covers. */
    private void awaitRoutingPast(TrackingToken view) {
        if (view == null) {
            return;
        }
        StreamingEventProcessor routing = processing.eventProcessor(RoutingTable.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow(() -> new IllegalStateException("no routing processor"));
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (!covers(routing, view)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the routing table did not reach the DID view's position " + view
                        + " within " + CATCH_UP_LIMIT);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200); // processors' positions: nothing signals their progress
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean covers(StreamingEventProcessor routing, TrackingToken view) {
        Collection<EventTrackerStatus> segments = routing.processingStatus().values();
        return !segments.isEmpty() && segments.stream().allMatch(segment -> {
            TrackingToken token = WrappedToken.unwrapLowerBound(segment.getTrackingToken());
            return token != null && token.covers(view);
        });
    }

    private static String describe(DidStatus status, String destination) {
        return destination == null ? status.name() : status + " to " + destination;
    }
}
