package io.didplatform.audit.query;

import io.didplatform.support.jdbc.SqlOrder;
import io.didplatform.support.web.PageResponse;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The DIDs as they were at a moment, from their versions: the one valid then, per number. */
@Component
public class InventoryAsOf {
    private static final String VALID_AT = "valid_from <= :at and (valid_to is null or valid_to > :at)";
    private static final RowMapper<DidSnapshot> SNAPSHOT = (rs, i) -> new DidSnapshot(rs.getString("number"),
            rs.getString("status"), rs.getString("after_hold_status"), rs.getString("operator_id"),
            rs.getString("tag"), rs.getString("notes"), rs.getString("client_id"), rs.getString("client_package_id"),
            rs.getString("destination"),
            rs.getTimestamp("hold_until") == null ? null : rs.getTimestamp("hold_until").toInstant(),
            rs.getString("hold_reason"), rs.getTimestamp("valid_from").toInstant(), rs.getString("event_id"));

    private static final SqlOrder ORDER = new SqlOrder(Map.of("number", "number", "status", "status",
            "operatorId", "operator_id", "tag", "tag", "clientId", "client_id", "destination", "destination",
            "validFrom", "valid_from"), "number asc", "number");

    private final NamedParameterJdbcTemplate jdbc;

    InventoryAsOf(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The DID as it was at {@code at}; empty when it did not exist then. */
    public Optional<DidSnapshot> did(String number, Instant at) {
        return jdbc.query("select * from did_version where number = :number and " + VALID_AT,
                new MapSqlParameterSource("number", number).addValue("at", Timestamp.from(at)), SNAPSHOT)
                .stream().findFirst();
    }

    /** The inventory at {@code filter.at()}, by number unless the page asks for another order. */
    public PageResponse<DidSnapshot> inventory(InventoryFilter filter, Pageable pageable) {
        SqlFilter filtered = new SqlFilter().and(VALID_AT, "at", Timestamp.from(filter.at()))
                .equal("status", filter.status()).equal("operator_id", filter.operatorId())
                .equal("tag", filter.tag()).equal("client_id", filter.clientId());
        String where = filtered.clause();
        MapSqlParameterSource params = filtered.params();
        Long total = jdbc.queryForObject("select count(*) from did_version" + where, params, Long.class);
        params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<DidSnapshot> dids = jdbc.query("select * from did_version" + where
                + ORDER.of(pageable.getSort()) + " limit :limit offset :offset", params, SNAPSHOT);
        return PageResponse.of(new PageImpl<>(dids, pageable, total == null ? 0 : total), did -> did);
    }
}
