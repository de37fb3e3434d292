package io.didplatform.inventory.command.registry;

import io.didplatform.support.web.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link DidRegistry} on PostgreSQL. The primary key on the number serialises racing claims: the second waits
 * for the first transaction and then finds the number taken.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class JdbcDidRegistry implements DidRegistry {
    private final JdbcTemplate jdbc;

    JdbcDidRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String number, String operatorId) {
        requireOperator(operatorId);
        int claimed = jdbc.update("""
                insert into did_registry (number, operator_id, active) values (?, ?, true)
                on conflict (number) do update set operator_id = excluded.operator_id, active = true
                where did_registry.active = false""", number, operatorId);
        if (claimed == 0) {
            throw DomainException.conflict("DID_EXISTS", "DID " + number + " already exists");
        }
    }

    @Override
    public void changeOperator(String number, String operatorId) {
        requireOperator(operatorId);
        jdbc.update("update did_registry set operator_id = ? where number = ?", operatorId, number);
    }

    @Override
    public void release(String number) {
        jdbc.update("update did_registry set active = false, operator_id = null where number = ?", number);
    }

    /**
     * Claims every number that never had a DID, in one statement, and returns those it claimed; numbers with a
     * history (existing, or deleted earlier) are left for the caller to handle one by one.
     */
    public Set<String> claimNew(List<String> numbers, List<String> operatorIds) {
        Set<String> claimed = new HashSet<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    insert into did_registry (number, operator_id, active)
                    select n, o, true from unnest(?::varchar[], ?::varchar[]) as t(n, o)
                    on conflict (number) do nothing
                    returning number""");
            statement.setArray(1, connection.createArrayOf("varchar", numbers.toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", operatorIds.toArray()));
            return statement;
        }, row -> {
            claimed.add(row.getString(1));
        });
        return claimed;
    }

    /** Which of these numbers exist now (true) or existed and were deleted (false). */
    public Map<String, Boolean> states(Collection<String> numbers) {
        Map<String, Boolean> states = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select number, active from did_registry where number = any(?)");
            statement.setArray(1, connection.createArrayOf("varchar", numbers.toArray()));
            return statement;
        }, row -> {
            states.put(row.getString(1), row.getBoolean(2));
        });
        return states;
    }

    /**
     * Which of these operator ids exist, locked against deletion until the transaction ends (a DID row
     * inserted later in it references them).
     */
    public Set<String> lockExistingOperators(Collection<String> operatorIds) {
        Set<String> existing = new HashSet<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "select id from operator_registry where id = any(?) for key share");
            statement.setArray(1, connection.createArrayOf("varchar", new ArrayList<>(operatorIds).toArray()));
            return statement;
        }, row -> {
            existing.add(row.getString(1));
        });
        return existing;
    }

    private void requireOperator(String operatorId) {
        if (lockExistingOperators(List.of(operatorId)).isEmpty()) {
            throw DomainException.invalid("OPERATOR_NOT_FOUND", "No operator " + operatorId);
        }
    }

    /** Resolves an operator given by id or by name (case-insensitive), or null. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public String resolveOperator(String idOrName) {
        List<String> ids = jdbc.queryForList("select id from operator_registry where id = ? or lower(name) = lower(?)",
                String.class, idOrName, idOrName);
        return ids.isEmpty() ? null : ids.get(0);
    }

}
