package io.didplatform.inventory.query.did;

import io.didplatform.contracts.inventory.DidStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A DID's reservation as the read model shows it. */
@Component
public class ReservationSearch {
    private final JdbcTemplate jdbc;

    ReservationSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReservationResponse> find(String number) {
        return jdbc.query("""
                select number, status, reserved_client_id, reserved_deal, reserved_until from did_view where number = ?""",
                (row, i) -> new ReservationResponse(row.getString(1), DidStatus.valueOf(row.getString(2)),
                        row.getString(3), row.getString(4),
                        row.getTimestamp(5) == null ? null : row.getTimestamp(5).toInstant()), number)
                .stream().findFirst();
    }
}
