package io.didplatform.inventory.query.did;

import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.support.jdbc.SqlOrder;
import io.didplatform.support.web.PageResponse;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads of the DID read model: one DID, filtered pages with counts per status, streams for exports and mass changes. */
@Component
public class DidSearch {
    private static final SqlOrder ORDER = new SqlOrder(Map.of("number", "number", "status", "status",
            "operatorId", "operator_id", "tag", "tag", "clientId", "client_id", "createdAt", "created_at",
            "updatedAt", "updated_at"), "number asc", "number");
    private static final RowMapper<DidResponse> DID = DidSearch::toResponse;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final DidCounts didCounts;

    DidSearch(JdbcTemplate jdbc, TransactionTemplate transaction, DidCounts didCounts) {
        this.jdbc = jdbc;
        this.didCounts = didCounts;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        // PostgreSQL streams with a cursor only inside a transaction and with a fetch size
        this.streaming.setFetchSize(2000);
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /** A page of DIDs with the counts per status of everything the filter selects regardless of status. */
    public record DidPage(List<DidResponse> content, PageResponse.PageInfo page, Map<DidStatus, Long> counts) {
    }

    public Optional<DidResponse> find(String number) {
        return jdbc.query("select * from did_view where number = ?", DID, number).stream().findFirst();
    }

    public DidPage search(DidFilter filter, Pageable pageable) {
        Where where = Where.of(filter);
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.add(pageable.getPageSize());
        arguments.add(pageable.getOffset());
        List<DidResponse> content = jdbc.query("select * from did_view" + where.sql() + ORDER.of(pageable.getSort())
                + " limit ? offset ?", DID, arguments.toArray());

        Map<DidStatus, Long> counts = new EnumMap<>(DidStatus.class);
        for (DidStatus status : DidStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(didCounts.kept(filter).orElseGet(() -> counted(filter.withoutStatus())));
        long total = filter.status() == null ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.get(filter.status());
        int totalPages = pageable.getPageSize() == 0 ? 0 : (int) ((total + pageable.getPageSize() - 1) / pageable.getPageSize());
        return new DidPage(content, new PageResponse.PageInfo(pageable.getPageNumber(), pageable.getPageSize(), total,
                totalPages), counts);
    }

    private Map<DidStatus, Long> counted(DidFilter filter) {
        Map<DidStatus, Long> counts = new EnumMap<>(DidStatus.class);
        Where where = Where.of(filter);
        jdbc.query("select status, count(*) from did_view" + where.sql() + " group by status",
                (RowCallbackHandler) row -> counts.put(DidStatus.valueOf(row.getString(1)), row.getLong(2)),
                where.arguments().toArray());
        return counts;
    }

    public long count(DidFilter filter) {
        Where where = Where.of(filter);
        Long count = jdbc.queryForObject("select count(*) from did_view" + where.sql(), Long.class,
                where.arguments().toArray());
        return count == null ? 0 : count;
    }

    /** Every selected DID in number order, read with a cursor so any number of rows fits in little memory. */
    public void forEach(DidFilter filter, Consumer<DidResponse> action) {
        Where where = Where.of(filter);
        readOnly.executeWithoutResult(status -> streaming.query("select * from did_view" + where.sql() + " order by number",
                (RowCallbackHandler) row -> action.accept(toResponse(row, 0)), where.arguments().toArray()));
    }

    /** The next {@code limit} selected numbers after {@code after} (keyset paging, stable while DIDs change). */
    public List<String> numbersAfter(DidFilter filter, String after, int limit) {
        Where where = Where.of(filter);
        List<Object> arguments = new ArrayList<>(where.arguments());
        String sql = "select number from did_view" + where.sql();
        if (after != null) {
            sql += (where.arguments().isEmpty() ? " where" : " and") + " number > ?";
            arguments.add(after);
        }
        arguments.add(limit);
        return jdbc.queryForList(sql + " order by number limit ?", String.class, arguments.toArray());
    }

    private record Where(String sql, List<Object> arguments) {
        static Where of(DidFilter filter) {
            List<String> conditions = new ArrayList<>();
            List<Object> arguments = new ArrayList<>();
            if (filter.numberPrefix() != null && !filter.numberPrefix().isEmpty()) {
                conditions.add("number like ?");
                arguments.add(filter.numberPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (filter.status() != null) {
                conditions.add("status = ?");
                arguments.add(filter.status().name());
            }
            add(conditions, arguments, "operator_id", filter.operatorId());
            add(conditions, arguments, "tag", filter.tag());
            add(conditions, arguments, "client_id", filter.clientId());
            return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), arguments);
        }

        private static void add(List<String> conditions, List<Object> arguments, String column, String value) {
            if (value != null && !value.isBlank()) {
                conditions.add(column + " = ?");
                arguments.add(value.trim());
            }
        }
    }

    private static DidResponse toResponse(ResultSet row, int index) throws SQLException {
        return new DidResponse(row.getString("number"), DidStatus.valueOf(row.getString("status")),
                DidStatus.valueOf(row.getString("after_hold_status")), row.getString("operator_id"),
                row.getString("tag"), row.getString("notes"), row.getString("client_id"),
                row.getString("client_package_id"), row.getString("destination"), instant(row, "hold_until"),
                instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
