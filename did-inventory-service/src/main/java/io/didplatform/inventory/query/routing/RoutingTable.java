package io.didplatform.inventory.query.routing;

import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidReservationExpired;
import io.didplatform.contracts.inventory.DidReservationReleased;
import io.didplatform.contracts.inventory.DidReserved;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.contracts.inventory.DidUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The routing lookup switches call, in memory, on every instance. Each instance's table follows the whole event
 * store through a processor of its own ({@link RoutingProcessorConfiguration}): it starts from the DID read model
 * and the read model's position in the stream ({@link RoutingStart}), then applies every later event itself, so
 * a change made through any instance reaches every instance's table.
 * <p>
 * Each handler either sets a field from its event or keeps it, so applying again a run of events the start
 * already reflected ends in the same state: the start may safely lie a little behind the read model.
 */
@Component
@ProcessingGroup(RoutingTable.PROCESSING_GROUP)
public class RoutingTable {
    public static final String PROCESSING_GROUP = "routing";
    /** Routes without destination, shared: most numbers are in stock and need no object of their own. */
    private static final Map<DidStatus, Route> BARE = new EnumMap<>(DidStatus.class);

    static {
        for (DidStatus status : DidStatus.values()) {
            BARE.put(status, new Route(status, null));
        }
    }

    private final ConcurrentHashMap<String, Route> routes = new ConcurrentHashMap<>(1 << 16);
    private final PackagesOnHold onHold;

    RoutingTable(PackagesOnHold onHold) {
        this.onHold = onHold;
    }

    /** Where the number routes now: as its events say, on HOLD already when its package is on its way there. */
    public Optional<Route> find(String number) {
        Route route = routes.get(number);
        return Optional.ofNullable(route != null && route.routable() && onHold.holds(number)
                ? withStatus(route, DidStatus.HOLD) : route);
    }

    /**
     * Reads which client packages went inactive: every {@code did.routing.hold-refresh} ({@link HoldRefresher}), and
     * at once on the instance whose listener recorded the change.
     */
    public void refreshHolds() {
        onHold.refresh(number -> {
            Route route = routes.get(number);
            return route != null && route.routable();
        });
    }

    /** Where the number routes as its events say (the reconciliation compares this with the DID view). */
    Optional<Route> stored(String number) {
        return Optional.ofNullable(routes.get(number));
    }

    public int size() {
        return routes.size();
    }

    /** The numbers routed now (a live view: it may show changes made while it is read). */
    Set<String> numbers() {
        return routes.keySet();
    }

    /** Sets a number's route as the read model holds it; used to fill the table before its processor starts. */
    void load(String number, DidStatus status, String destination) {
        routes.put(number, route(status, destination));
    }

    @EventHandler
    void on(DidCreated event) {
        change(event.number(), old -> BARE.get(event.status()));
    }

    @EventHandler
    void on(DidUpdated event) {
        change(event.number(), old -> route(event.status(), old == null ? null : old.destination()));
    }

    @EventHandler
    void on(DidDeleted event) {
        change(event.number(), old -> null);
    }

    @EventHandler
    void on(DidChangeUndone event) {
        change(event.number(), old -> !event.inInventory() ? null
                : route(event.status(), old == null ? null : old.destination()));
    }

    @EventHandler
    void on(DidAssigned event) {
        change(event.number(), old -> route(DidStatus.ACTIVE, event.destination()));
    }

    @EventHandler
    void on(DidRoutingChanged event) {
        change(event.number(), old -> route(old == null ? DidStatus.ACTIVE : old.status(), event.destination()));
    }

    @EventHandler
    void on(DidBlocked event) {
        change(event.number(), old -> withStatus(old, DidStatus.BLOCKED));
    }

    @EventHandler
    void on(DidUnblocked event) {
        change(event.number(), old -> withStatus(old, DidStatus.ACTIVE));
    }

    @EventHandler
    void on(DidHeld event) {
        change(event.number(), old -> withStatus(old, DidStatus.HOLD));
    }

    @EventHandler
    void on(DidRestored event) {
        change(event.number(), old -> withStatus(old, event.status()));
    }

    @EventHandler
    void on(DidReleased event) {
        change(event.number(), old -> BARE.get(event.status()));
    }

    @EventHandler
    void on(DidReserved event) {
        change(event.number(), old -> withStatus(old, DidStatus.RESERVED));
    }

    @EventHandler
    void on(DidReservationReleased event) {
        change(event.number(), old -> withStatus(old, event.status()));
    }

    @EventHandler
    void on(DidReservationExpired event) {
        change(event.number(), old -> withStatus(old, event.status()));
    }

    @ResetHandler
    void reset() {
        routes.clear();
    }

    /** Events come from committed transactions only (the processor reads the store), so they apply at once. */
    private void change(String number, UnaryOperator<Route> change) {
        routes.compute(number, (n, old) -> change.apply(old));
    }

    private static Route withStatus(Route old, DidStatus status) {
        return route(status, old == null ? null : old.destination());
    }

    private static Route route(DidStatus status, String destination) {
        return destination == null ? BARE.get(status) : new Route(status, destination);
    }
}
