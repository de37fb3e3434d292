package io.didplatform.inventory.query.routing;

import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.inventory.query.did.DidInventoryProjection;
import jakarta.annotation.PostConstruct;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The routing lookup switches call, in memory. Loaded at start-up from the DID read model, then kept current by
 * the same event processor that writes that read model ({@code did-view}): the load sees exactly the events
 * the processor's token has passed, the processor goes on from there, and each batch's changes reach the table
 * right after the batch's transaction commits. So the table is never behind the read model, and never shows
 * what a rolled-back batch wrote.
 * <p>
 * Scaled out, the processor's segments may be spread over instances, and each instance's table would then see
 * only its segments: run one instance per processor, or give each instance a processor of its own.
 */
@Component
@ProcessingGroup(DidInventoryProjection.PROCESSING_GROUP)
public class RoutingTable {
    private static final Logger log = LoggerFactory.getLogger(RoutingTable.class);
    private static final String PENDING = RoutingTable.class.getName() + ".pending";
    /** Routes without destination, shared: most numbers are in stock and need no object of their own. */
    private static final Map<DidStatus, Route> BARE = new EnumMap<>(DidStatus.class);

    static {
        for (DidStatus status : DidStatus.values()) {
            BARE.put(status, new Route(status, null));
        }
    }

    private final ConcurrentHashMap<String, Route> routes = new ConcurrentHashMap<>(1 << 16);
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    RoutingTable(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        // PostgreSQL streams with a cursor only inside a transaction and with a fetch size
        this.streaming.setFetchSize(5000);
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    public Optional<Route> find(String number) {
        return Optional.ofNullable(routes.get(number));
    }

    public int size() {
        return routes.size();
    }

    /** Runs before the event processors start, so no event reaches the table before the load. */
    @PostConstruct
    void load() {
        long started = System.nanoTime();
        readOnly.executeWithoutResult(status -> streaming.query("select number, status, destination from did_view",
                (RowCallbackHandler) row -> routes.put(row.getString(1),
                        route(DidStatus.valueOf(row.getString(2)), row.getString(3)))));
        log.info("Routing table loaded: {} numbers in {} ms", routes.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @EventHandler
    void on(DidCreated event) {
        later(event.number(), old -> BARE.get(event.status()));
    }

    @EventHandler
    void on(DidUpdated event) {
        later(event.number(), old -> route(event.status(), old == null ? null : old.destination()));
    }

    @EventHandler
    void on(DidDeleted event) {
        later(event.number(), old -> null);
    }

    @EventHandler
    void on(DidAssigned event) {
        later(event.number(), old -> route(DidStatus.ACTIVE, event.destination()));
    }

    @EventHandler
    void on(DidRoutingChanged event) {
        later(event.number(), old -> route(old == null ? DidStatus.ACTIVE : old.status(), event.destination()));
    }

    @EventHandler
    void on(DidBlocked event) {
        later(event.number(), old -> withStatus(old, DidStatus.BLOCKED));
    }

    @EventHandler
    void on(DidUnblocked event) {
        later(event.number(), old -> withStatus(old, DidStatus.ACTIVE));
    }

    @EventHandler
    void on(DidHeld event) {
        later(event.number(), old -> withStatus(old, DidStatus.HOLD));
    }

    @EventHandler
    void on(DidRestored event) {
        later(event.number(), old -> withStatus(old, event.status()));
    }

    @EventHandler
    void on(DidReleased event) {
        later(event.number(), old -> BARE.get(event.status()));
    }

    @ResetHandler
    void reset() {
        routes.clear();
    }

    private record Change(String number, UnaryOperator<Route> change) {
    }

    /**
     * Queues the change for after the batch commits; the batch's changes then apply in event order (Axon runs
     * after-commit callbacks in reverse order of registration, hence one callback for the whole list).
     */
    private void later(String number, UnaryOperator<Route> change) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<Change> pending = unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Change> changes = new ArrayList<>();
            unitOfWork.afterCommit(u -> changes.forEach(c -> routes.compute(c.number(), (n, old) -> c.change().apply(old))));
            return changes;
        });
        pending.add(new Change(number, change));
    }

    private static Route withStatus(Route old, DidStatus status) {
        return route(status, old == null ? null : old.destination());
    }

    private static Route route(DidStatus status, String destination) {
        return destination == null ? BARE.get(status) : new Route(status, destination);
    }
}
