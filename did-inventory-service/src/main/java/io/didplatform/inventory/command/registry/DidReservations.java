package io.didplatform.inventory.command.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * When each reserved DID's reservation ends ({@code did_reservation}), written in the transaction of the
 * reservation's events ({@link ReservationBookkeeping}) and read by the poller that ends the due ones.
 */
@Component
public class DidReservations {
    private final JdbcTemplate jdbc;

    DidReservations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void reservedUntil(String number, Instant until) {
        jdbc.update("""
                insert into did_reservation (number, reserved_until) values (?, ?)
                on conflict (number) do update set reserved_until = excluded.reserved_until""",
                number, Timestamp.from(until));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void ended(String number) {
        jdbc.update("delete from did_reservation where number = ?", number);
    }

    /** Up to {@code limit} DIDs whose reservation ended by {@code now}, earliest first. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<String> endedBy(Instant now, int limit) {
        return jdbc.queryForList("select number from did_reservation where reserved_until <= ? order by reserved_until limit ?",
                String.class, Timestamp.from(now), limit);
    }
}
