package io.didplatform.inventory.query.routing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The numbers of the client packages that are no longer active but whose DIDs this instance's routing table does
 * not show held yet: routing answers them unroutable at once, ahead of the hold cascade, whose {@code DidHeld}
 * events (one per DID) the table applies as they come, so a deactivation's effect on routing does not grow with the
 * package's size. A package is taken from the hold cascade's tables when it goes inactive and let go once it is
 * active again, or once the cascade has been carried and the table routes none of its numbers any more.
 */
@Component
class PackagesOnHold {
    private final JdbcTemplate jdbc;
    /** Each package held ahead: its state version when read, and its numbers. Only {@link #refresh} writes it. */
    private final Map<String, Held> held = new HashMap<>();
    private volatile Set<String> numbers = Set.of();

    private record Held(long version, List<String> numbers) {
    }

    PackagesOnHold(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the number's client package went inactive and the table does not show the number held yet. */
    boolean holds(String number) {
        return numbers.contains(number);
    }

    /** Reads the packages' states again; {@code routable}: whether the table's own route for a number routes. */
    synchronized void refresh(Predicate<String> routable) {
        boolean changed = false;
        Map<String, Long> inactive = new HashMap<>();
        jdbc.query("select client_package_id, version from client_package_state"
                + " where cascaded_version < version and not active", row -> {
                    inactive.put(row.getString(1), row.getLong(2));
                });
        Set<String> cascading = Set.copyOf(inactive.keySet());
        if (!held.isEmpty()) {
            // packages held ahead whose cascade has been carried: still inactive, and at which version
            jdbc.query("select client_package_id, version from client_package_state where not active"
                    + " and client_package_id = any(?)", row -> {
                        inactive.putIfAbsent(row.getString(1), row.getLong(2));
                    }, (Object) held.keySet().toArray(String[]::new));
        }
        for (Map.Entry<String, Long> state : inactive.entrySet()) {
            Held known = held.get(state.getKey());
            if (known == null || known.version() != state.getValue()) {
                held.put(state.getKey(), new Held(state.getValue(), jdbc.queryForList(
                        "select number from did_holding where client_package_id = ?", String.class, state.getKey())));
                changed = true;
            }
        }
        changed |= held.entrySet().removeIf(entry -> !inactive.containsKey(entry.getKey())
                || !cascading.contains(entry.getKey()) && entry.getValue().numbers().stream().noneMatch(routable));
        if (changed) {
            Set<String> all = new HashSet<>();
            held.values().forEach(each -> all.addAll(each.numbers()));
            numbers = all;
        }
    }
}
