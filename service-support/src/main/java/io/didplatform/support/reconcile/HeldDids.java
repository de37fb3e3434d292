package io.didplatform.support.reconcile;

import io.didplatform.contracts.DidNumber;
import io.didplatform.contracts.HeldDid;
import io.didplatform.support.web.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * One service's side of the gateway's {@code client-dids-vs-inventory}: a page of the DIDs clients hold in a read
 * model with the columns {@code number, client_id, client_package_id, status, destination}, in number order
 * (byte order, the same in every database), so the gateway walks both services' pages side by side in little memory.
 */
public final class HeldDids {
    public static final int MAX_PAGE = 10_000;
    private static final RowMapper<HeldDid> ROW = (rs, row) -> new HeldDid(rs.getString("number"),
            rs.getString("client_id"), rs.getString("client_package_id"), rs.getString("status"),
            rs.getString("destination"));

    private final JdbcTemplate jdbc;
    private final String table;
    private final String held;

    /** {@code held}: the SQL condition (no parameters) of a row that a client holds. */
    public HeldDids(JdbcTemplate jdbc, String table, String held) {
        this.jdbc = jdbc;
        this.table = table;
        this.held = held;
    }

    /**
     * Up to {@code limit} held DIDs numbered after {@code after} and up to {@code through} (each optional); a full
     * page ends with every row of its last number, a few past {@code limit} if a number is held twice, so the next
     * page, after that number, misses none of them.
     */
    public List<HeldDid> page(String after, String through, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw DomainException.invalid("INVALID_LIMIT", "limit must be 1 to " + MAX_PAGE);
        }
        StringBuilder sql = new StringBuilder("select number, client_id, client_package_id, status, destination from ")
                .append(table).append(" where ").append(held);
        List<Object> arguments = new ArrayList<>();
        if (after != null) {
            sql.append(" and number collate \"C\" > ?");
            arguments.add(number("after", after));
        }
        if (through != null) {
            sql.append(" and number collate \"C\" <= ?");
            arguments.add(number("through", through));
        }
        sql.append(" order by number collate \"C\" limit ?");
        arguments.add(limit);
        List<HeldDid> page = jdbc.query(sql.toString(), ROW, arguments.toArray());
        if (page.size() < limit) {
            return page;
        }
        String last = page.get(page.size() - 1).number();
        List<HeldDid> whole = new ArrayList<>(page.stream().filter(did -> !did.number().equals(last)).toList());
        whole.addAll(jdbc.query("select number, client_id, client_package_id, status, destination from " + table
                + " where " + held + " and number = ?", ROW, last));
        return whole;
    }

    private static String number(String parameter, String value) {
        if (!DidNumber.isNormalised(value)) {
            throw DomainException.invalid("INVALID_NUMBER", parameter + " must be a DID number: "
                    + DidNumber.MIN_DIGITS + " to " + DidNumber.MAX_DIGITS + " digits");
        }
        return value;
    }
}
